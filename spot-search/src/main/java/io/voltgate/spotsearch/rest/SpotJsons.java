package io.voltgate.spotsearch.rest;

import io.voltgate.spotsearch.search.ConnectorCounts;
import io.voltgate.spotsearch.search.SpotHit;
import io.voltgate.spotsearch.search.SpotSearchResult;
import io.voltgate.spotsearch.search.TypeCount;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the public spot endpoints (CONTRACT §2). */
public final class SpotJsons {

  private SpotJsons() {}

  /** {@code GET /spots}: the spots in order, and whether more matched than {@code limit}. */
  public record SearchJson(List<FoundSpotJson> spots, boolean truncated) {
    static SearchJson of(SpotSearchResult r, boolean withDistance) {
      return new SearchJson(r.spots().stream().map(h -> FoundSpotJson.of(h, withDistance)).toList(), r.truncated());
    }
  }

  /** One found spot; {@code distanceKm} (rounded to metres) only for radius searches. */
  public record FoundSpotJson(
      String spotId, String name, double lat, double lng, @JsonbNillable(false) Double distanceKm, ConnectorsJson connectors, Instant updatedAt) {
    static FoundSpotJson of(SpotHit h, boolean withDistance) {
      return new FoundSpotJson(
          h.spot().spotId(), h.spot().name(), h.spot().position().lat(), h.spot().position().lng(),
          withDistance ? Math.round(h.distanceKm() * 1000) / 1000.0 : null,
          ConnectorsJson.of(h.connectors()), h.spot().updatedAt());
    }
  }

  /** Counted connectors: those matching connectorType/minPowerKw, all without a filter. */
  public record ConnectorsJson(int total, int available, List<TypeJson> byType) {
    static ConnectorsJson of(ConnectorCounts c) {
      return new ConnectorsJson(c.total(), c.available(), c.byType().stream().map(TypeJson::of).toList());
    }
  }

  /** Counted connectors of one type with the highest maxPowerKw among them. */
  public record TypeJson(String type, double maxPowerKw, int total, int available) {
    static TypeJson of(TypeCount t) {
      return new TypeJson(t.type().label(), t.maxPowerKw(), t.total(), t.available());
    }
  }

  /** {@code GET /spots/{spotId}}: the spot, its counts, and every station with its connectors. */
  public record SpotDetailJson(
      String spotId, String name, double lat, double lng, String address, String operator, Instant updatedAt,
      ConnectorsJson connectors, List<StationJson> stations) {}

  /** A station of the spot; {@code status} is its connector 0's latest status. */
  public record StationJson(String stationId, boolean connected, Instant lastSeen, String status, List<ConnectorJson> connectors) {}

  /** A connector with its latest status; {@code updatedAt} is the charger's timestamp of it. */
  public record ConnectorJson(
      int connectorId, String type, double maxPowerKw, String status, String errorCode, boolean available, Instant updatedAt) {}
}
