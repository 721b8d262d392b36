package io.voltgate.spotsearch.rest;

import io.voltgate.spotsearch.readmodel.JdbcChangeFeed;
import io.voltgate.spotsearch.readmodel.Spot;
import io.voltgate.spotsearch.readmodel.SpotDetails;
import io.voltgate.spotsearch.rest.SpotJsons.ConnectorJson;
import io.voltgate.spotsearch.rest.SpotJsons.ConnectorsJson;
import io.voltgate.spotsearch.rest.SpotJsons.SearchJson;
import io.voltgate.spotsearch.rest.SpotJsons.SpotDetailJson;
import io.voltgate.spotsearch.rest.SpotJsons.StationJson;
import io.voltgate.spotsearch.search.ConnectorFilter;
import io.voltgate.spotsearch.search.SpotQuery;
import io.voltgate.spotsearch.search.SpotService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Spots: the app's public search and detail (CONTRACT §2), and the admin {@code PUT} (the
 * assembly's filter requires credentials for it). Searches answer from this instance's index
 * and never touch the database; the detail reads the database, so it is exact. A valid search
 * normally never reaches {@link #search}: {@link SpotSearchFilter} answers it with the same
 * bytes in the servlet layer; the method stays for the OpenAPI description and the 400s.
 */
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
  @Inject JdbcChangeFeed database;
  @Inject SpotSearchMetrics metrics;
  @Inject SearchResponseCache responses;

  @GET
  @Operation(
      summary = "Search spots in a map viewport (bbox) or around a point (lat, lng, radiusKm)",
      description = "Give either bbox or lat+lng+radiusKm. Radius results are nearest first with distanceKm;"
          + " bbox results are ordered by distance from the viewport's center (ties by spotId) and carry no distanceKm."
          + " connectors counts only connectors matching connectorType/minPowerKw (all without a filter); byType lists"
          + " types in the order CHAdeMO, CCS1, CCS2, Type1, Type2, GB/T, NACS. A connector is available when its latest"
          + " status is Available and its station is connected or was heard from within 2 minutes."
          + " updatedAt: when the spot or a latest status of one of its connectors last changed.")
  @APIResponse(responseCode = "200", description = "Matching spots", content = @Content(schema = @Schema(implementation = SearchJson.class)))
  @APIResponse(responseCode = "400", description = "Bad or missing coordinates, inverted bbox, bbox over 5 degrees, radius over 100 km,"
      + " limit outside 1-500, unknown connectorType, or a non-numeric number", content = @Content(mediaType = "application/problem+json"))
  public byte[] search(
      @Parameter(description = "minLng,minLat,maxLng,maxLat in degrees; edges inclusive; at most 5 degrees wide and tall; no antimeridian crossing")
          @QueryParam("bbox") String bbox,
      @Parameter(description = "Latitude of the search point, with lng and radiusKm") @QueryParam("lat") String lat,
      @Parameter(description = "Longitude of the search point, with lat and radiusKm") @QueryParam("lng") String lng,
      @Parameter(description = "Search radius in km, greater than 0 and at most 100") @QueryParam("radiusKm") String radiusKm,
      @Parameter(description = "Comma-separated connector types, any of: CHAdeMO, CCS1, CCS2, Type1, Type2, GB/T, NACS")
          @QueryParam("connectorType") String connectorType,
      @Parameter(description = "Minimum maxPowerKw of a connector (inclusive)") @QueryParam("minPowerKw") String minPowerKw,
      @Parameter(description = "true: only spots with at least one available connector matching the filters")
          @QueryParam("available") String available,
      @Parameter(description = "Maximum number of spots, 1-500 (default 100); truncated says whether more matched")
          @QueryParam("limit") String limit) {
    long start = System.nanoTime();
    SpotQuery query = SearchParams.parse(bbox, lat, lng, radiusKm, connectorType, minPowerKw, available, limit);
    SearchResponseCache.Answer answer = responses.answer(query, Instant.now());
    metrics.record(System.nanoTime() - start, answer.source());
    return answer.body();
  }

  @GET
  @Path("/{spotId}")
  @Operation(summary = "A spot with its stations and each connector's latest status")
  @APIResponse(responseCode = "200", description = "The spot", content = @Content(schema = @Schema(implementation = SpotDetailJson.class)))
  @APIResponse(responseCode = "404", description = "No such spot", content = @Content(mediaType = "application/problem+json"))
  public SpotDetailJson get(@PathParam("spotId") String spotId) throws SQLException {
    Instant now = Instant.now();
    SpotDetails d = database.details(spotId, now).orElseThrow(() -> new NotFoundException("No spot " + spotId));
    return new SpotDetailJson(
        d.spotId(), d.name(), d.lat(), d.lng(), d.address(), d.operator(), d.indexed().updatedAt(),
        ConnectorsJson.of(d.indexed().count(ConnectorFilter.NONE, now)),
        d.stations().stream()
            .map(s -> new StationJson(s.stationId(), s.connected(), s.lastSeen(), s.status(),
                s.connectors().stream()
                    .map(c -> new ConnectorJson(c.connectorId(), c.type(), c.maxPowerKw(), c.status(), c.errorCode(), c.available(), c.statusAt()))
                    .toList()))
            .toList());
  }

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
