package io.voltgate.spotsearch.readmodel;

import io.voltgate.spotsearch.search.IndexedSpot;
import io.voltgate.spotsearch.search.StationPresence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One spot as the detail endpoint shows it, read from the database at request time: the spot,
 * its stations (with connector 0's status as the station's own) and every registered
 * connector with its latest status. {@code indexed} is the same spot as the search sees it,
 * for the counts.
 */
public record SpotDetails(
    String spotId, String name, double lat, double lng, String address, String operator, IndexedSpot indexed, List<Station> stations) {

  public record Station(String stationId, boolean connected, Instant lastSeen, String status, List<Connector> connectors) {}

  /** {@code available} by the search's rule at the time of the request. */
  public record Connector(int connectorId, String type, double maxPowerKw, String status, String errorCode, boolean available, Instant statusAt) {}

  static SpotDetails of(JdbcChangeFeed.SpotSnapshot s, Instant now) {
    IndexedSpot indexed = ReadModel.assemble(s.spot(), s.stations(), s.connectors(), s.statuses());
    List<Station> stations = new ArrayList<>();
    s.stations().stream().sorted(Comparator.comparing(Rows.StationRow::stationId)).forEach(st -> {
      boolean live = new StationPresence(st.stationId(), st.connected(), st.lastSeen()).isLiveAt(now);
      Rows.StatusRow own = status(s, st.stationId(), 0);
      List<Connector> connectors = new ArrayList<>();
      s.connectors().stream()
          .filter(c -> c.stationId().equals(st.stationId()))
          .sorted(Comparator.comparingInt(Rows.ConnectorRow::connectorId))
          .forEach(c -> {
            Rows.StatusRow latest = status(s, st.stationId(), c.connectorId());
            connectors.add(new Connector(
                c.connectorId(), c.type(), c.maxPowerKw(),
                latest == null ? null : latest.status(),
                latest == null ? null : latest.errorCode(),
                latest != null && "Available".equals(latest.status()) && live,
                latest == null ? null : latest.statusAt()));
          });
      stations.add(new Station(st.stationId(), st.connected(), st.lastSeen(), own == null ? null : own.status(), connectors));
    });
    return new SpotDetails(
        s.spot().spotId(), s.spot().name(), s.spot().lat(), s.spot().lng(), s.spot().address(), s.spot().operator(), indexed, stations);
  }

  private static Rows.StatusRow status(JdbcChangeFeed.SpotSnapshot s, String stationId, int connectorId) {
    return s.statuses().stream()
        .filter(r -> r.stationId().equals(stationId) && r.connectorId() == connectorId)
        .findFirst()
        .orElse(null);
  }
}
