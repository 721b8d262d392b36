package io.voltgate.spotsearch.readmodel;

import io.voltgate.spotsearch.readmodel.Rows.ConnectorRow;
import io.voltgate.spotsearch.readmodel.Rows.SpotRow;
import io.voltgate.spotsearch.readmodel.Rows.StationRow;
import io.voltgate.spotsearch.readmodel.Rows.StatusRow;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the published tables with plain JDBC: the poll runs four times a second on every
 * instance and only needs flat rows, so it skips entity materialisation and persistence
 * contexts. Each read is an index range scan on {@code changed_at} (or a primary-key prefix
 * for a station's connectors), never the status history.
 */
@ApplicationScoped
public class JdbcChangeFeed implements ChangeFeed {

  private static final String SPOTS = "SELECT spot_id, name, lat, lng, address, operator_name, updated_at, changed_at FROM spot";
  private static final String STATIONS = "SELECT station_id, spot_id, instance_id, last_seen, connectors_version, changed_at FROM station";
  private static final String CONNECTORS =
      "SELECT station_id, connector_id, connector_type, max_power_kw, changed_at FROM connector";
  private static final String STATUSES =
      "SELECT station_id, connector_id, status, error_code, status_at, received_at, changed_at FROM connector_status_latest";
  // The clock that fills changed_at (CURRENT_TIMESTAMP(3) into a DATETIME: the session's local
  // time), read the same way on MySQL/MariaDB and H2.
  private static final String CLOCK = "SELECT LOCALTIMESTAMP(3)";
  private static final int IN_CHUNK = 200;
  private static final DateTimeFormatter MARKER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  @Resource(lookup = "jdbc/voltgate")
  DataSource dataSource;

  @Override
  public Changes changesSince(Marks since) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      // The clock first: every row stamped before it minus the overlap is committed by now, so
      // these reads see it (ReadModel's since()).
      LocalDateTime readAt;
      try (PreparedStatement ps = c.prepareStatement(CLOCK); ResultSet rs = ps.executeQuery()) {
        readAt = rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
      }
      return new Changes(
          read(c, SPOTS, since.spots(), JdbcChangeFeed::spot),
          read(c, STATIONS, since.stations(), JdbcChangeFeed::station),
          read(c, CONNECTORS, since.connectors(), JdbcChangeFeed::connector),
          read(c, STATUSES, since.statuses(), JdbcChangeFeed::status),
          readAt);
    }
  }

  @Override
  public List<ConnectorRow> connectorsOf(Collection<String> stationIds) throws SQLException {
    List<ConnectorRow> rows = new ArrayList<>();
    List<String> ids = List.copyOf(stationIds);
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += IN_CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
        String sql = CONNECTORS + " WHERE station_id IN (" + "?,".repeat(chunk.size() - 1) + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(connector(rs));
            }
          }
        }
      }
    }
    return rows;
  }

  /** The spot and everything the detail endpoint shows about it, read now. */
  public Optional<SpotDetails> details(String spotId, Instant now) throws SQLException {
    return snapshot(spotId).map(s -> SpotDetails.of(s, now));
  }

  Optional<SpotSnapshot> snapshot(String spotId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<SpotRow> spots = where(c, SPOTS + " WHERE spot_id = ?", spotId, JdbcChangeFeed::spot);
      if (spots.isEmpty()) {
        return Optional.empty();
      }
      List<StationRow> stations = where(c, STATIONS + " WHERE spot_id = ?", spotId, JdbcChangeFeed::station);
      List<ConnectorRow> connectors = new ArrayList<>();
      List<StatusRow> statuses = new ArrayList<>();
      for (StationRow s : stations) {
        connectors.addAll(where(c, CONNECTORS + " WHERE station_id = ?", s.stationId(), JdbcChangeFeed::connector));
        statuses.addAll(where(c, STATUSES + " WHERE station_id = ?", s.stationId(), JdbcChangeFeed::status));
      }
      return Optional.of(new SpotSnapshot(spots.get(0), stations, connectors, statuses));
    }
  }

  /** One spot's rows, read together. */
  record SpotSnapshot(SpotRow spot, List<StationRow> stations, List<ConnectorRow> connectors, List<StatusRow> statuses) {}

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static <T> List<T> read(Connection c, String sql, LocalDateTime since, RowReader<T> reader) throws SQLException {
    if (since == null) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        return all(ps, reader);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(sql + " WHERE changed_at > ?")) {
      ps.setString(1, marker(since));
      return all(ps, reader);
    }
  }

  /**
   * A marker as SQL text with its milliseconds. Bound as a LocalDateTime, Connector/J drops the
   * fraction when it believes the server predates MySQL 5.6.4, which MariaDB's handshake version
   * ({@code 5.5.5-10.x}) makes it believe: every poll then re-read the whole second before its
   * marker, and a quiet table's last second forever (charger-mgmt's InstantConverter met the same
   * trap on writes). The server converts the text itself, on MySQL, MariaDB and H2 alike.
   */
  static String marker(LocalDateTime since) {
    return MARKER.format(since);
  }

  private static <T> List<T> where(Connection c, String sql, String key, RowReader<T> reader) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      return all(ps, reader);
    }
  }

  private static <T> List<T> all(PreparedStatement ps, RowReader<T> reader) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(reader.read(rs));
      }
    }
    return rows;
  }

  static SpotRow spot(ResultSet rs) throws SQLException {
    return new SpotRow(
        rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5), rs.getString(6),
        instant(rs, 7), rs.getObject(8, LocalDateTime.class));
  }

  private static StationRow station(ResultSet rs) throws SQLException {
    return new StationRow(
        rs.getString(1), rs.getString(2), rs.getString(3) != null, instant(rs, 4), rs.getInt(5), rs.getObject(6, LocalDateTime.class));
  }

  private static ConnectorRow connector(ResultSet rs) throws SQLException {
    return new ConnectorRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getDouble(4), rs.getObject(5, LocalDateTime.class));
  }

  private static StatusRow status(ResultSet rs) throws SQLException {
    return new StatusRow(
        rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), instant(rs, 5), instant(rs, 6),
        rs.getObject(7, LocalDateTime.class));
  }

  // Times are stored as UTC DATETIME(3) (V1 schema).
  private static Instant instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }
}
