package io.voltgate.chargermgmt.rest;

import io.voltgate.chargermgmt.migration.MigrationStatus;
import io.voltgate.chargermgmt.migration.SessionMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Graceful upgrade controls (CONTRACT §3): start the session migration, watch its progress. */
@ApplicationScoped
@Path("/ops")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

  @Inject SessionMigrator migrator;

  @POST
  @Path("/drain")
  @Operation(summary = "Turn not-ready, wait for a ready successor, then move this instance's chargers to it a few at a time")
  @APIResponse(responseCode = "202", description = "Migration started (or already under way)",
      content = @Content(schema = @Schema(implementation = MigrationStatus.class)))
  public Response drain() {
    MigrationStatus status = migrator.drain();
    return Response.accepted(status).build();
  }

  @DELETE
  @Path("/drain")
  @Operation(summary = "Call off a drain: stop closing sessions and turn ready again")
  public MigrationStatus cancelDrain() {
    return migrator.cancel();
  }

  @GET
  @Path("/migration")
  @Operation(summary = "Progress of the session migration on this instance")
  public MigrationStatus migration() {
    return migrator.status();
  }
}
