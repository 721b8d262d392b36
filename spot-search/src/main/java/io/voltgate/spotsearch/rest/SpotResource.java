package io.voltgate.spotsearch.rest;

import io.voltgate.spotsearch.readmodel.Spot;
import io.voltgate.spotsearch.search.SpotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Spots: {@code PUT} is admin (the assembly's filter enforces it). */
@Path("/spots")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Spots")
public class SpotResource {

  /** Body of PUT and the spot's representation. */
  public record SpotJson(String spotId, String name, Double lat, Double lng, String address, String operator, String updatedAt) {
    static SpotJson of(Spot s) {
      return new SpotJson(
          s.getSpotId(), s.getName(), s.getLat(), s.getLng(), s.getAddress(), s.getOperatorName(),
          s.getUpdatedAt() == null ? null : s.getUpdatedAt().toInstant(ZoneOffset.UTC).toString());
    }
  }

  @Inject SpotService spots;

  @PUT
  @Path("/{spotId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or replace a spot (201 created, 200 replaced)")
  public Response put(@PathParam("spotId") String spotId, SpotJson body) {
    if (spotId == null || spotId.isEmpty() || spotId.length() > 64) {
      throw new BadRequestException("spotId must be 1-64 characters");
    }
    if (body == null) {
      throw new BadRequestException("Body required: {\"name\",\"lat\",\"lng\",\"address\"?,\"operator\"?}");
    }
    if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
      throw new BadRequestException("name must be 1-200 characters");
    }
    if (body.lat() == null || !(body.lat() >= -90 && body.lat() <= 90)) {
      throw new BadRequestException("lat must be a number within [-90, 90]");
    }
    if (body.lng() == null || !(body.lng() >= -180 && body.lng() <= 180)) {
      throw new BadRequestException("lng must be a number within [-180, 180]");
    }
    if (body.address() != null && body.address().length() > 500) {
      throw new BadRequestException("address must be at most 500 characters");
    }
    if (body.operator() != null && body.operator().length() > 200) {
      throw new BadRequestException("operator must be at most 200 characters");
    }
    boolean created = spots.put(spotId, body.name(), body.lat(), body.lng(), body.address(), body.operator());
    SpotJson json = SpotJson.of(spots.find(spotId).orElseThrow());
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(json).build();
  }
}
