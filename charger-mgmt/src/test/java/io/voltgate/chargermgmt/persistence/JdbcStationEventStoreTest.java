package io.voltgate.chargermgmt.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.voltgate.chargermgmt.station.BootInfo;
import io.voltgate.chargermgmt.station.StationEvent;
import io.voltgate.chargermgmt.station.StationEvent.Booted;
import io.voltgate.chargermgmt.station.StationEvent.Connected;
import io.voltgate.chargermgmt.station.StationEvent.Disconnected;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group-commit SQL over the real migrations (H2, MODE=MySQL): what one batch of a station's
 * events leaves in its row, whatever else shares the batch.
 */
class JdbcStationEventStoreTest {

  private static final Path MIGRATIONS = Path.of("..", "liberty", "src", "main", "resources", "db", "migration");
  private static final Instant CONNECTED = Instant.parse("2026-11-25T10:00:00.100Z");
  private static final Instant BOOTED = Instant.parse("2026-11-25T10:00:00.350Z");
  private static final String[] COLUMNS = {
    "instance_id", "session_token", "protocol", "connected_at", "vendor", "model", "firmware_version",
    "charge_point_serial", "charge_box_serial", "iccid", "imsi", "meter_type", "meter_serial",
    "registration_status", "booted_at", "last_seen"
  };

  private JdbcDataSource ds;
  private JdbcStationEventStore store;

  @BeforeEach
  void schema() throws Exception {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    // the real migrations, applied as the server applies them (SchemaMigration)
    Flyway.configure().dataSource(ds).locations("filesystem:" + MIGRATIONS).load().migrate();
    store = new JdbcStationEventStore();
    store.dataSource = ds;
  }

  @Test
  void aMarkerAndItsBootInOneBatchLeaveTheRowAsTwoBatchesDo() throws Exception {
    register("TOGETHER");
    register("APART");
    assertEquals(List.of(true, true), store.write(List.of(connect("TOGETHER", "a", "t1"), boot("TOGETHER"))));
    assertEquals(List.of(true), store.write(List.of(connect("APART", "a", "t1"))));
    assertEquals(List.of(true), store.write(List.of(boot("APART"))));

    Map<String, Object> together = row("TOGETHER");
    assertEquals(row("APART"), together);
    assertEquals("a", together.get("instance_id"));
    assertEquals("t1", together.get("session_token"));
    assertEquals("Vendor", together.get("vendor"));
    assertEquals("Accepted", together.get("registration_status"));
    assertEquals(together.get("booted_at"), together.get("last_seen"), "last seen at the boot, written after the marker");
  }

  @Test
  void twoMarkersAndABootOfOneStationStillEndWithTheNewestMarkerAndTheBoot() throws Exception {
    register("TWICE");
    assertEquals(List.of(true, true, true), store.write(List.of(
        connect("TWICE", "a", "t1"), connect("TWICE", "a", "t2"), boot("TWICE"))));
    Map<String, Object> r = row("TWICE");
    assertEquals("t2", r.get("session_token"));
    assertEquals("Vendor", r.get("vendor"));
  }

  @Test
  void anUnregisteredStationsMarkerAndBootAreBothRefusedAndWriteNothing() throws Exception {
    register("KNOWN");
    assertEquals(List.of(false, false, true, true),
        store.write(List.of(connect("GHOST", "a", "t1"), boot("GHOST"), connect("KNOWN", "a", "t9"), boot("KNOWN"))));
    assertEquals("t9", row("KNOWN").get("session_token"));
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM station WHERE station_id = 'GHOST'")) {
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void aMarkerLeavesATakeoverNoteForTheInstanceThatHeldTheStation() throws Exception {
    register("MOVED");
    store.write(List.of(connect("MOVED", "old", "t-old"), boot("MOVED")));
    assertEquals(List.of(true, true), store.write(List.of(connect("MOVED", "new", "t-new"), boot("MOVED"))));
    assertEquals("new", row("MOVED").get("instance_id"));
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT from_instance, session_token FROM session_takeover WHERE station_id = 'MOVED'")) {
      List<String> notes = new ArrayList<>();
      while (rs.next()) {
        notes.add(rs.getString(1) + "/" + rs.getString(2));
      }
      assertEquals(List.of("old/t-old"), notes);
    }
  }

  @Test
  void aDisconnectInTheSameBatchClearsOnlyItsOwnSession() throws Exception {
    register("GONE");
    store.write(List.of(connect("GONE", "a", "t1"), boot("GONE"), new Disconnected("GONE", "t1", BOOTED)));
    assertNull(row("GONE").get("session_token"));
    register("STAYS");
    store.write(List.of(connect("STAYS", "a", "t2"), boot("STAYS"), new Disconnected("STAYS", "t-older", BOOTED)));
    assertEquals("t2", row("STAYS").get("session_token"));
  }

  private static Connected connect(String station, String instance, String token) {
    return new Connected(station, instance, token, "ocpp1.6", CONNECTED);
  }

  private static Booted boot(String station) {
    return new Booted(station, new BootInfo("Vendor", "Model-1", "fw-2.0", "CP-1", "CB-1", "8981", "4401", "Meter", "M-1"), BOOTED);
  }

  private void register(String station) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO station (station_id, registration_status, created_at) VALUES (?, 'Pending', CURRENT_TIMESTAMP(3))")) {
      ps.setString(1, station);
      ps.executeUpdate();
    }
  }

  private Map<String, Object> row(String station) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", COLUMNS) + " FROM station WHERE station_id = ?")) {
      ps.setString(1, station);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String column : COLUMNS) {
          out.put(column, rs.getObject(column));
        }
        return out;
      }
    }
  }
}
