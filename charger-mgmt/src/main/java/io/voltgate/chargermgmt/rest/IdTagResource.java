package io.voltgate.chargermgmt.rest;

import io.voltgate.chargermgmt.idtag.IdTag;
import io.voltgate.chargermgmt.idtag.IdTagService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Id tags (admin). A change applies to the next Authorize at once. */
@Path("/id-tags")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Id tags")
public class IdTagResource {

  /** Body and representation of an id tag. */
  public record IdTagJson(String idTag, String status, String expiryDate, String parentIdTag) {}

  @Inject IdTagService idTags;

  @PUT
  @Path("/{idTag}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or replace an id tag")
  public Response put(@PathParam("idTag") String idTag, IdTagJson body) {
    requireValidTag(idTag);
    if (body == null || body.status() == null || !IdTagService.STATUSES.contains(body.status())) {
      throw new BadRequestException("status must be one of Accepted, Blocked, Expired, Invalid");
    }
    Instant expiry = null;
    if (body.expiryDate() != null) {
      try {
        expiry = OffsetDateTime.parse(body.expiryDate()).toInstant();
      } catch (DateTimeParseException e) {
        throw new BadRequestException("expiryDate must be an RFC 3339 date-time, got '" + body.expiryDate() + "'");
      }
    }
    if (body.parentIdTag() != null) {
      requireValidTag(body.parentIdTag());
    }
    boolean created = idTags.put(idTag, body.status(), expiry, body.parentIdTag());
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(json(idTags.find(idTag))).build();
  }

  @GET
  @Path("/{idTag}")
  @Operation(summary = "An id tag")
  public IdTagJson get(@PathParam("idTag") String idTag) {
    IdTag tag = idTags.find(idTag);
    if (tag == null) {
      throw new NotFoundException("Unknown id tag " + idTag);
    }
    return json(tag);
  }

  private static IdTagJson json(IdTag t) {
    return new IdTagJson(t.getIdTag(), t.getStatus(), t.getExpiryDate() == null ? null : t.getExpiryDate().toString(), t.getParentIdTag());
  }

  /** OCPP 1.6 IdToken: CiString20. */
  private static void requireValidTag(String tag) {
    if (tag == null || tag.isEmpty() || tag.length() > 20) {
      throw new BadRequestException("idTag must be 1-20 characters");
    }
  }
}
