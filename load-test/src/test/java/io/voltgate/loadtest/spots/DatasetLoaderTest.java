package io.voltgate.loadtest.spots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generator end to end on a small network, into the schema the server's own Flyway
 * migrations create (H2 in MODE=MySQL, as the server's embedded default).
 */
class DatasetLoaderTest {

  private static final Path MIGRATIONS = Path.of("..", "liberty", "src", "main", "resources", "db", "migration");
  private String url;

  @BeforeEach
  void schema() throws Exception {
    url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      try (var files = Files.list(MIGRATIONS)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
          StringBuilder sql = new StringBuilder();
          for (String line : Files.readAllLines(f)) {
            if (!line.trim().startsWith("--")) {
              sql.append(line).append('\n');
            }
          }
          for (String s : sql.toString().split(";")) {
            if (!s.isBlank()) {
              st.execute(s);
            }
          }
        }
      }
    }
  }

  private boolean generate(String... extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--db-url", url, "--db-user", "sa", "--db-password", "",
        "--spots", "300", "--stations", "700", "--history", "20000", "--seed", "3"));
    args.addAll(List.of(extra));
    return GenerateSpots.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void writesTheNetworkWithLatestStatusesEqualToTheNewestHistoryRow() throws Exception {
    assertTrue(generate());
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      assertEquals(300, count(st, "SELECT COUNT(*) FROM spot"));
      assertEquals(700, count(st, "SELECT COUNT(*) FROM station"));
      assertEquals(20_000, count(st, "SELECT COUNT(*) FROM connector_status_history"));
      long connectors = count(st, "SELECT COUNT(*) FROM connector");
      assertEquals(connectors, count(st, "SELECT COUNT(*) FROM connector_status_latest"));
      // every latest row is the newest history row of its connector (CONTRACT §1), and no other row is newer
      assertEquals(connectors, count(st, "SELECT COUNT(*) FROM connector_status_latest l JOIN connector_status_history h"
          + " ON h.station_id = l.station_id AND h.connector_id = l.connector_id AND h.status_at = l.status_at"
          + " AND h.status = l.status AND h.received_at = l.received_at"));
      assertEquals(0, count(st, "SELECT COUNT(*) FROM connector_status_latest l JOIN connector_status_history h"
          + " ON h.station_id = l.station_id AND h.connector_id = l.connector_id AND h.status_at > l.status_at"));
      assertEquals(0, count(st, "SELECT COUNT(*) FROM station WHERE password_hash IS NOT NULL OR spot_id IS NULL"));
      assertEquals(0, count(st, "SELECT COUNT(*) FROM connector c LEFT JOIN station s ON s.station_id = c.station_id"
          + " WHERE s.station_id IS NULL"));
      assertEquals(1, count(st, "SELECT COUNT(*) FROM id_tag WHERE id_tag = 'LOADTEST' AND status = 'Accepted'"));
    }
  }

  @Test
  void keepsAnIdenticalDatasetAndReplacesADifferentOne() throws Exception {
    assertTrue(generate());
    assertFalse(generate("--if-absent"), "same seed and sizes: kept");
    assertTrue(generate("--if-absent", "--seed", "4"), "another seed: regenerated");
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      assertEquals(300, count(st, "SELECT COUNT(*) FROM spot"));
      assertEquals(20_000, count(st, "SELECT COUNT(*) FROM connector_status_history"));
    }
  }

  @Test
  void refusesTablesItDidNotFillAndAMissingSchema() throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.execute("INSERT INTO spot (spot_id, name, lat, lng, updated_at) VALUES ('mine', 'Mine', 35, 139, '2026-11-24 12:00:00')");
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, this::generate);
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    assertTrue(generate("--force"));

    String empty = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    SQLException missing = assertThrows(SQLException.class, () -> GenerateSpots.run(
        new String[] {"--db-url", empty, "--db-user", "sa"}, new PrintStream(new ByteArrayOutputStream())));
    assertTrue(missing.getMessage().contains("start the server once"), missing.getMessage());
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
