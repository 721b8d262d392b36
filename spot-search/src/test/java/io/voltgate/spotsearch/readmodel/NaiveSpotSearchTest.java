package io.voltgate.spotsearch.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.sharedkernel.ConnectorStatus;
import io.voltgate.sharedkernel.ConnectorType;
import io.voltgate.sharedkernel.GeoPoint;
import io.voltgate.spotsearch.search.BoundingBox;
import io.voltgate.spotsearch.search.Circle;
import io.voltgate.spotsearch.search.ConnectorFilter;
import io.voltgate.spotsearch.search.SearchArea;
import io.voltgate.spotsearch.search.SpotIndex;
import io.voltgate.spotsearch.search.SpotQuery;
import io.voltgate.spotsearch.search.SpotSearchResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's naive design must be a correct one (issue 4): over the server's real schema
 * (its Flyway migrations, on H2 in MODE=MySQL) it must answer every search exactly as the index
 * built by the production read model does.
 */
class NaiveSpotSearchTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final String[] STATUSES = {"Available", "Available", "Charging", "Faulted", "Preparing", "Unavailable"};

  private JdbcDataSource ds;
  private NaiveSpotSearch naive;
  private long historyId;

  @BeforeEach
  void schema() throws Exception {
    ds = MigratedH2.create();
    naive = new NaiveSpotSearch();
    naive.dataSource = ds;
  }

  @Test
  void answersEverySearchExactlyAsTheIndexDoes() throws Exception {
    Random random = new Random(42);
    try (Connection c = ds.getConnection()) {
      for (int i = 0; i < 150; i++) {
        String spotId = "spot-" + i;
        spot(c, spotId, 35 + random.nextDouble(), 139 + random.nextDouble());
        int stations = i % 10 == 0 ? 0 : 1 + random.nextInt(3);
        for (int s = 0; s < stations; s++) {
          String stationId = spotId + "-st" + s;
          int presence = random.nextInt(4); // connected, heard recently, heard long ago, never
          station(c, stationId, spotId, presence == 0,
              presence == 1 ? NOW.minusSeconds(30) : presence == 2 ? NOW.minusSeconds(600) : null);
          int connectors = 1 + random.nextInt(3);
          for (int k = 1; k <= connectors; k++) {
            ConnectorType type = ConnectorType.values()[random.nextInt(ConnectorType.values().length)];
            double kw = new double[] {6, 22, 50, 90, 150}[random.nextInt(5)];
            connector(c, stationId, k, type.label(), kw);
            int rows = random.nextInt(5); // 0: never reported a status
            String[] latest = null;
            Instant latestAt = null;
            for (int r = 0; r < rows; r++) {
              // out of order and with ties, as replays and fast chargers produce
              Instant at = NOW.minusSeconds(60L * random.nextInt(6));
              String status = STATUSES[random.nextInt(STATUSES.length)];
              Instant received = NOW.minusMillis(random.nextInt(100_000));
              history(c, stationId, k, status, at, received);
              if (latestAt == null || !at.isBefore(latestAt)) {
                latestAt = at;
                latest = new String[] {status, received.toString()};
              }
            }
            if (latest != null) {
              latest(c, stationId, k, latest[0], latestAt, Instant.parse(latest[1]));
            }
          }
        }
      }
    }
    JdbcChangeFeed feed = new JdbcChangeFeed();
    feed.dataSource = ds;
    SpotIndex index = ReadModel.load(feed, Duration.ofSeconds(5)).index();
    assertEquals(150, index.size());

    List<ConnectorFilter> filters = List.of(
        ConnectorFilter.NONE,
        new ConnectorFilter(EnumSet.of(ConnectorType.CHADEMO, ConnectorType.CCS2), null),
        new ConnectorFilter(Set.of(), 50.0),
        new ConnectorFilter(EnumSet.of(ConnectorType.TYPE2), 22.0));
    int nonEmpty = 0;
    int truncated = 0;
    int withAvailable = 0;
    int searches = 0;
    for (int q = 0; q < 60; q++) {
      SearchArea area = q % 2 == 0
          ? box(35 + random.nextDouble() * 0.8, 139 + random.nextDouble() * 0.8, 0.05 + random.nextDouble() * 0.6)
          : new Circle(new GeoPoint(35 + random.nextDouble(), 139 + random.nextDouble()), 2 + random.nextDouble() * 60);
      for (ConnectorFilter filter : filters) {
        for (boolean available : new boolean[] {false, true}) {
          for (int limit : new int[] {500, 7, 1}) {
            SpotQuery query = new SpotQuery(area, filter, available, limit);
            SpotSearchResult expected = index.search(query, NOW);
            SpotSearchResult actual = naive.search(query, NOW);
            // the answer itself; only the index can say what it depends on
            assertEquals(expected.spots(), actual.spots(), query.toString());
            assertEquals(expected.truncated(), actual.truncated(), query.toString());
            searches++;
            nonEmpty += expected.spots().isEmpty() ? 0 : 1;
            truncated += expected.truncated() ? 1 : 0;
            withAvailable += expected.spots().stream().anyMatch(h -> h.connectors().available() > 0) ? 1 : 0;
          }
        }
      }
    }
    // the comparison covered the interesting cases, not just empty answers
    assertTrue(nonEmpty > searches / 2, "non-empty " + nonEmpty + " of " + searches);
    assertTrue(truncated > searches / 10, "truncated " + truncated + " of " + searches);
    assertTrue(withAvailable > searches / 4, "with available connectors " + withAvailable + " of " + searches);
  }

  @Test
  void takesTheNewestChargerTimestampFromTheHistoryAndTheLaterArrivalOnATie() throws Exception {
    try (Connection c = ds.getConnection()) {
      spot(c, "A", 35.0, 139.0);
      station(c, "S1", "A", true, null);
      connector(c, "S1", 1, "CCS2", 150);
      connector(c, "S1", 2, "CHAdeMO", 50);
      // connector 1: the newer status arrived first, an older replay later
      history(c, "S1", 1, "Available", NOW.minusSeconds(10), NOW.minusSeconds(9));
      history(c, "S1", 1, "Charging", NOW.minusSeconds(100), NOW.minusSeconds(5));
      // connector 2: two statuses with the same timestamp; the later arrival wins
      history(c, "S1", 2, "Available", NOW.minusSeconds(20), NOW.minusSeconds(19));
      history(c, "S1", 2, "Faulted", NOW.minusSeconds(20), NOW.minusSeconds(18));
    }
    SpotSearchResult r = naive.search(new SpotQuery(new Circle(new GeoPoint(35.0, 139.0), 1), ConnectorFilter.NONE, false, 10), NOW);
    assertEquals(1, r.spots().size());
    var spot = r.spots().get(0).spot();
    assertEquals(ConnectorStatus.Available, spot.connectors().get(0).status());
    assertEquals(ConnectorStatus.Faulted, spot.connectors().get(1).status());
    assertEquals(1, r.spots().get(0).connectors().available());
    // updatedAt: the receipt time of the newest latest status
    assertEquals(NOW.minusSeconds(9), spot.updatedAt());
  }

  private static BoundingBox box(double lat, double lng, double size) {
    return new BoundingBox(lng, lat, lng + size, lat + size);
  }

  private static LocalDateTime utc(Instant t) {
    return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static void spot(Connection c, String id, double lat, double lng) throws SQLException {
    update(c, "INSERT INTO spot (spot_id, name, lat, lng, updated_at) VALUES (?, ?, ?, ?, ?)",
        id, "Spot " + id, lat, lng, utc(NOW.minusSeconds(3600)));
  }

  private static void station(Connection c, String id, String spotId, boolean connected, Instant lastSeen) throws SQLException {
    update(c, "INSERT INTO station (station_id, spot_id, instance_id, last_seen, created_at) VALUES (?, ?, ?, ?, ?)",
        id, spotId, connected ? "test-instance" : null, utc(lastSeen), utc(NOW.minusSeconds(86_400)));
  }

  private static void connector(Connection c, String stationId, int id, String type, double kw) throws SQLException {
    update(c, "INSERT INTO connector (station_id, connector_id, connector_type, max_power_kw) VALUES (?, ?, ?, ?)",
        stationId, id, type, kw);
  }

  private void history(Connection c, String stationId, int id, String status, Instant at, Instant received) throws SQLException {
    update(c, "INSERT INTO connector_status_history (id, station_id, connector_id, status, error_code, status_at, received_at)"
        + " VALUES (?, ?, ?, ?, 'NoError', ?, ?)", ++historyId, stationId, id, status, utc(at), utc(received));
  }

  private static void latest(Connection c, String stationId, int id, String status, Instant at, Instant received) throws SQLException {
    update(c, "INSERT INTO connector_status_latest (station_id, connector_id, status, error_code, status_at, received_at)"
        + " VALUES (?, ?, ?, 'NoError', ?, ?)", stationId, id, status, utc(at), utc(received));
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }
}
