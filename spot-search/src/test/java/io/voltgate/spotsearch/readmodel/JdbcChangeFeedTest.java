package io.voltgate.spotsearch.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.spotsearch.readmodel.ChangeFeed.Changes;
import io.voltgate.spotsearch.readmodel.ChangeFeed.Marks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed over the server's real schema (its Flyway migrations, H2 in MODE=MySQL): the clock
 * it reports is the one that stamps {@code changed_at}, and a station's connector counter comes
 * through (V5).
 */
class JdbcChangeFeedTest {

  private JdbcDataSource ds;
  private JdbcChangeFeed feed;

  @BeforeEach
  void schema() {
    ds = MigratedH2.create();
    feed = new JdbcChangeFeed();
    feed.dataSource = ds;
  }

  @Test
  void reportsTheClockThatStampsTheRowsReadBeforeThem() throws Exception {
    update("INSERT INTO spot (spot_id, name, lat, lng, updated_at) VALUES ('A', 'A', 35.0, 139.0, CURRENT_TIMESTAMP(3))");
    update("INSERT INTO station (station_id, spot_id, created_at) VALUES ('S1', 'A', CURRENT_TIMESTAMP(3))");
    Changes all = feed.changesSince(Marks.ALL);
    LocalDateTime stamped = all.stations().get(0).changedAt();
    assertNotNull(all.readAt());
    assertFalse(all.readAt().isBefore(stamped), all.readAt() + " is before the row's stamp " + stamped);
    assertTrue(Duration.between(stamped, all.readAt()).toSeconds() < 5, "same clock, same zone: " + stamped + " / " + all.readAt());
    assertEquals(0, all.stations().get(0).connectorsVersion());

    update("UPDATE station SET connectors_version = connectors_version + 1 WHERE station_id = 'S1'");
    Changes later = feed.changesSince(new Marks(all.readAt(), stamped.minusNanos(1_000_000), all.readAt(), all.readAt()));
    assertEquals(List.of(), later.spots());
    assertEquals(1, later.stations().size());
    assertEquals(1, later.stations().get(0).connectorsVersion());
  }

  @Test
  void bindsMarkersWithTheirMilliseconds() throws Exception {
    assertEquals("2026-11-25 18:11:31.980", JdbcChangeFeed.marker(LocalDateTime.parse("2026-11-25T18:11:31.980")));
    assertEquals("2026-11-25 18:11:31.000", JdbcChangeFeed.marker(LocalDateTime.parse("2026-11-25T18:11:31")));
    update("INSERT INTO spot (spot_id, name, lat, lng, updated_at, changed_at) VALUES "
        + "('A', 'A', 35.0, 139.0, CURRENT_TIMESTAMP(3), '2026-11-25 18:11:31.500'), "
        + "('B', 'B', 35.0, 139.0, CURRENT_TIMESTAMP(3), '2026-11-25 18:11:31.980')");
    LocalDateTime since = LocalDateTime.parse("2026-11-25T18:11:31.700");
    Changes later = feed.changesSince(new Marks(since, null, null, null));
    assertEquals(List.of("B"), later.spots().stream().map(r -> r.spotId()).toList(), "only the row after 31.700");
  }

  private void update(String sql) throws Exception {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }
}
