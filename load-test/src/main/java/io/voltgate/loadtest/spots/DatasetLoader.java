package io.voltgate.loadtest.spots;

import io.voltgate.loadtest.spots.JapanDataset.Connector;
import io.voltgate.loadtest.spots.JapanDataset.Spot;
import io.voltgate.loadtest.spots.JapanDataset.Station;
import io.voltgate.loadtest.spots.JapanDataset.StatusEvent;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a {@link JapanDataset} into a database whose schema the server's Flyway migrations
 * created (start the server once against it first). Plain JDBC batches, which Connector/J
 * turns into multi-row INSERTs with {@code rewriteBatchedStatements=true}; the history is
 * written by several connections at once, each taking whole connectors, with explicit ids so
 * the result does not depend on the interleaving. {@code connector_status_latest} is each
 * connector's last history row, exactly as charger-mgmt would have left it.
 *
 * <p>A one-row table {@code bench_dataset} records what was generated, so a benchmark can reuse
 * the data instead of generating it again.
 */
public final class DatasetLoader {

  static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final int BATCH = 2_000;
  private static final int COMMIT_EVERY = 40_000;
  static final String[] TABLES = {"connector_status_history", "connector_status_latest", "connector", "station", "spot"};

  private final String url;
  private final String user;
  private final String password;
  private final PrintStream log;

  public DatasetLoader(String url, String user, String password, PrintStream log) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.log = log;
  }

  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    c.setAutoCommit(false);
    return c;
  }

  /** What the marker table says was generated here, or null. */
  public String existing() throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS bench_dataset (id INT NOT NULL, description VARCHAR(200) NOT NULL,"
          + " generated_at DATETIME(3) NOT NULL, PRIMARY KEY (id))");
      c.commit();
      try (ResultSet rs = st.executeQuery("SELECT description FROM bench_dataset WHERE id = 1")) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static String describe(JapanDataset d) {
    return "seed=" + d.seed() + " spots=" + d.sizes().spots() + " stations=" + d.sizes().stations()
        + " history=" + d.sizes().historyRows();
  }

  /** Rows in the tables the dataset fills; schema errors say how to create the schema. */
  public long rowsPresent() throws SQLException {
    long n = 0;
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String t : TABLES) {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
          rs.next();
          n += rs.getLong(1);
        } catch (SQLException e) {
          throw new SQLException("table " + t + " is missing: start the server once against this database so that"
              + " its Flyway migrations create the schema (" + e.getMessage() + ")", e);
        }
      }
    }
    return n;
  }

  /** Empties the dataset's tables (and stations' transactions, which refer to them). */
  public void clear() throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String t : new String[] {"meter_value", "charging_transaction", "session_takeover", "bench_dataset", TABLES[0],
          TABLES[1], TABLES[2], TABLES[3], TABLES[4]}) {
        st.execute("DELETE FROM " + t);
        c.commit();
      }
    }
  }

  public void load(JapanDataset d, int threads) throws Exception {
    long t0 = System.nanoTime();
    try (Connection c = connect()) {
      fast(c);
      insertSpots(c, d);
      insertStations(c, d);
      insertConnectors(c, d);
      try (Statement st = c.createStatement()) {
        st.executeUpdate("DELETE FROM id_tag WHERE id_tag = 'LOADTEST'");
      }
      // the simulator's transactions start with this tag
      batch(c, "INSERT INTO id_tag (id_tag, status, updated_at) VALUES (?, 'Accepted', ?)",
          List.<Object[]>of(new Object[] {"LOADTEST", SQL_TIME.format(d.now())}));
      c.commit();
    }
    log.printf("spots, stations, connectors in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    insertHistory(d, threads);
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM bench_dataset");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_dataset (id, description, generated_at) VALUES (1, ?, ?)")) {
        ps.setString(1, describe(d));
        ps.setString(2, SQL_TIME.format(Instant.now()));
        ps.executeUpdate();
      }
      c.commit();
    }
  }

  private static void fast(Connection c) {
    // MySQL/MariaDB only: skip per-row uniqueness look-ups of secondary indexes while loading.
    try (Statement st = c.createStatement()) {
      st.execute("SET SESSION unique_checks = 0");
    } catch (SQLException ignored) {
      // H2 has no such setting
    }
  }

  private void insertSpots(Connection c, JapanDataset d) throws SQLException {
    String at = SQL_TIME.format(d.now().minus(JapanDataset.HISTORY_SPAN));
    List<Object[]> rows = new ArrayList<>();
    for (Spot s : d.spots()) {
      rows.add(new Object[] {s.spotId(), s.name(), s.lat(), s.lng(), s.city() + ", Japan", s.operator(), at});
    }
    batch(c, "INSERT INTO spot (spot_id, name, lat, lng, address, operator_name, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
  }

  private void insertStations(Connection c, JapanDataset d) throws SQLException {
    String created = SQL_TIME.format(d.now().minus(JapanDataset.HISTORY_SPAN));
    List<Object[]> rows = new ArrayList<>();
    for (Station s : d.stations()) {
      Instant lastSeen = null;
      for (Connector k : s.connectors()) {
        List<StatusEvent> h = d.history(k);
        Instant r = h.get(h.size() - 1).receivedAt();
        lastSeen = lastSeen == null || r.isAfter(lastSeen) ? r : lastSeen;
      }
      // no password: the fleet simulator connects as these stations (security profile 0)
      rows.add(new Object[] {s.stationId(), s.spotId(), "Accepted", s.vendor(), s.model(), "1.0." + (s.stationId().hashCode() & 7),
          created, SQL_TIME.format(lastSeen), created});
    }
    batch(c, "INSERT INTO station (station_id, spot_id, registration_status, vendor, model, firmware_version, booted_at,"
        + " last_seen, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
  }

  private void insertConnectors(Connection c, JapanDataset d) throws SQLException {
    List<Object[]> connectors = new ArrayList<>();
    List<Object[]> latest = new ArrayList<>();
    for (Station s : d.stations()) {
      for (Connector k : s.connectors()) {
        connectors.add(new Object[] {k.stationId(), k.connectorId(), k.type(), k.maxPowerKw()});
        List<StatusEvent> h = d.history(k);
        StatusEvent e = h.get(h.size() - 1);
        latest.add(new Object[] {e.stationId(), e.connectorId(), e.status(), e.errorCode(),
            SQL_TIME.format(e.statusAt()), SQL_TIME.format(e.receivedAt())});
      }
    }
    batch(c, "INSERT INTO connector (station_id, connector_id, connector_type, max_power_kw) VALUES (?, ?, ?, ?)", connectors);
    batch(c, "INSERT INTO connector_status_latest (station_id, connector_id, status, error_code, status_at, received_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", latest);
  }

  private void insertHistory(JapanDataset d, int threads) throws Exception {
    List<Connector> all = new ArrayList<>();
    d.stations().forEach(s -> all.addAll(s.connectors()));
    AtomicLong written = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int p = 0; p < threads; p++) {
        List<Connector> part = all.subList(all.size() * p / threads, all.size() * (p + 1) / threads);
        parts.add(pool.submit(() -> {
          writeHistory(d, part, written, t0);
          return null;
        }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    log.printf("%,d history rows in %.1f s%n", written.get(), (System.nanoTime() - t0) / 1e9);
  }

  private void writeHistory(JapanDataset d, List<Connector> part, AtomicLong written, long t0) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("INSERT INTO connector_status_history"
            + " (id, station_id, connector_id, status, error_code, status_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      fast(c);
      int pending = 0;
      int uncommitted = 0;
      for (Connector k : part) {
        for (StatusEvent e : d.history(k)) {
          ps.setLong(1, e.id());
          ps.setString(2, e.stationId());
          ps.setInt(3, e.connectorId());
          ps.setString(4, e.status());
          ps.setString(5, e.errorCode());
          ps.setString(6, SQL_TIME.format(e.statusAt()));
          ps.setString(7, SQL_TIME.format(e.receivedAt()));
          ps.addBatch();
          if (++pending == BATCH) {
            ps.executeBatch();
            uncommitted += pending;
            pending = 0;
            if (uncommitted >= COMMIT_EVERY) {
              c.commit();
              long n = written.addAndGet(uncommitted);
              uncommitted = 0;
              if (n % 1_000_000 < COMMIT_EVERY) {
                log.printf("  %,d history rows (%.0f s)%n", n, (System.nanoTime() - t0) / 1e9);
              }
            }
          }
        }
      }
      if (pending > 0) {
        ps.executeBatch();
        uncommitted += pending;
      }
      c.commit();
      written.addAndGet(uncommitted);
    }
  }

  private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    c.commit();
  }
}
