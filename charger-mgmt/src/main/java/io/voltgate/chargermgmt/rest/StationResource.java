package io.voltgate.chargermgmt.rest;

import io.voltgate.chargermgmt.security.PasswordHashes;
import io.voltgate.chargermgmt.station.ConnectorSpec;
import io.voltgate.chargermgmt.station.StationDetails;
import io.voltgate.chargermgmt.station.StationService;
import io.voltgate.sharedkernel.ConnectorType;
import io.voltgate.sharedkernel.StationId;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Station registration and inspection (admin). */
@Path("/stations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stations")
public class StationResource {

  /** OCPP 1.6 security whitepaper A00.FR.205: AuthorizationKey 16–40 characters. */
  static final int MIN_PASSWORD = 16;
  static final int MAX_PASSWORD = 40;

  @Inject StationService stations;

  @PUT
  @Path("/{stationId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register or replace a station (201 created, 200 replaced)")
  public Response put(@PathParam("stationId") String stationId, StationRegistrationJson body) {
    requireValidId(stationId);
    StationRegistrationJson reg = body == null ? new StationRegistrationJson(null, null, null) : body;
    if (reg.password() != null && (reg.password().length() < MIN_PASSWORD || reg.password().length() > MAX_PASSWORD)) {
      throw new BadRequestException(
          "password must be " + MIN_PASSWORD + "-" + MAX_PASSWORD + " characters (OCPP AuthorizationKey)");
    }
    if (reg.spotId() != null && (reg.spotId().isEmpty() || reg.spotId().length() > 64)) {
      throw new BadRequestException("spotId must be 1-64 characters");
    }
    List<ConnectorSpec> connectors = connectors(reg.connectors());
    String hash = reg.password() == null ? null : PasswordHashes.hashStationKey(reg.password());
    boolean created;
    try {
      created = stations.register(stationId, reg.spotId(), hash, connectors);
    } catch (RuntimeException e) {
      // Two PUTs of a new station raced (a client retrying a slow first attempt): the loser's
      // insert hit the primary key. PUT is idempotent, so replace the winner's row instead.
      if (!isDuplicateKey(e) || stations.details(stationId).isEmpty()) {
        throw e;
      }
      created = stations.register(stationId, reg.spotId(), hash, connectors);
    }
    StationJson json = StationJson.of(stations.details(stationId).orElseThrow());
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(json).build();
  }

  @GET
  @Path("/{stationId}")
  @Operation(summary = "A station with its boot info, session and connectors' latest status")
  public StationJson get(@PathParam("stationId") String stationId) {
    requireValidId(stationId);
    return stations.details(stationId).map(StationJson::of).orElseThrow(() -> new NotFoundException("Unknown station " + stationId));
  }

  @GET
  @Operation(summary = "A page of stations, ordered by id")
  public PageJson<StationJson> list(
      @QueryParam("connected") String connected, @QueryParam("limit") String limit, @QueryParam("after") String after) {
    Boolean connectedFilter = Params.bool("connected", connected);
    int max = Params.limit(limit);
    List<StationDetails> page = stations.page(connectedFilter, after == null || after.isEmpty() ? null : after, max + 1);
    boolean more = page.size() > max;
    List<StationJson> items = page.stream().limit(max).map(StationJson::of).toList();
    return new PageJson<>(items, more ? items.get(items.size() - 1).stationId() : null);
  }

  static void requireValidId(String stationId) {
    if (!StationId.isValid(stationId)) {
      throw new BadRequestException("Station id must be 1-48 characters of A-Z a-z 0-9 * - _ = + | @ .");
    }
  }

  private static List<ConnectorSpec> connectors(List<StationRegistrationJson.ConnectorJson> raw) {
    List<ConnectorSpec> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    Set<Integer> seen = new HashSet<>();
    for (StationRegistrationJson.ConnectorJson c : raw) {
      if (c == null || c.connectorId() == null || c.connectorId() < 1) {
        throw new BadRequestException("connectors[].connectorId must be an integer >= 1");
      }
      if (!seen.add(c.connectorId())) {
        throw new BadRequestException("connectorId " + c.connectorId() + " appears twice");
      }
      if (c.type() == null || ConnectorType.fromLabel(c.type()).isEmpty()) {
        throw new BadRequestException(
            "connectors[].type must be one of CHAdeMO, CCS1, CCS2, Type1, Type2, GB/T, NACS; got '" + c.type() + "'");
      }
      if (c.maxPowerKw() == null || !(c.maxPowerKw() > 0) || c.maxPowerKw() > 1000) {
        throw new BadRequestException("connectors[].maxPowerKw must be a number in (0, 1000]");
      }
      out.add(new ConnectorSpec(c.connectorId(), c.type(), c.maxPowerKw()));
    }
    return out;
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLIntegrityConstraintViolationException
          || t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
