package io.voltgate.chargermgmt.persistence;

import static io.voltgate.chargermgmt.persistence.InstantConverter.utc;

import io.voltgate.chargermgmt.station.BootInfo;
import io.voltgate.chargermgmt.station.ChargingStation;
import io.voltgate.chargermgmt.station.HandshakeInfo;
import io.voltgate.chargermgmt.station.StationEvent;
import io.voltgate.chargermgmt.station.StationEvent.Booted;
import io.voltgate.chargermgmt.station.StationEvent.Connected;
import io.voltgate.chargermgmt.station.StationEvent.Disconnected;
import io.voltgate.chargermgmt.station.StationEvent.Seen;
import io.voltgate.chargermgmt.station.StationEvent.StatusReported;
import io.voltgate.chargermgmt.station.StationEventStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * JDBC batches for groups of station events: one statement per kind of write, each executed
 * as a JDBC batch (with Connector/J's {@code rewriteBatchedStatements} the inserts become one
 * multi-row statement), all in one transaction. Kinds are written in a fixed order (connects,
 * boots, statuses, presence, disconnects); within a kind, in arrival order. That order is safe
 * because events of one station that can meet in a batch commute: a disconnect only clears the
 * marker of its own session token, and the latest-status upsert compares timestamps.
 */
@ApplicationScoped
public class JdbcStationEventStore implements StationEventStore {

  private static final int IN_CHUNK = 200;

  private static final String OWNERS = "SELECT station_id, instance_id, session_token FROM station WHERE station_id IN ";
  private static final String CONNECT =
      "UPDATE station SET instance_id = ?, session_token = ?, protocol = ?, connected_at = ?, last_seen = ?"
          + " WHERE station_id = ?";
  private static final String TAKEOVER =
      "INSERT INTO session_takeover (station_id, from_instance, session_token, created_at) VALUES (?, ?, ?, ?)";
  private static final String BOOT =
      "UPDATE station SET vendor = ?, model = ?, firmware_version = ?, charge_point_serial = ?,"
          + " charge_box_serial = ?, iccid = ?, imsi = ?, meter_type = ?, meter_serial = ?,"
          + " registration_status = '" + ChargingStation.ACCEPTED + "', booted_at = ?, last_seen = ?"
          + " WHERE station_id = ?";
  private static final String SEEN = "UPDATE station SET last_seen = ? WHERE station_id = ?";
  private static final String DISCONNECT =
      "UPDATE station SET instance_id = NULL, session_token = NULL, last_seen = ?"
          + " WHERE station_id = ? AND session_token = ?";
  private static final String ALL_HANDSHAKE = "SELECT station_id, password_hash, registration_status FROM station";
  private static final String HANDSHAKE = ALL_HANDSHAKE + " WHERE station_id IN ";

  @Resource(lookup = "jdbc/voltgate")
  DataSource dataSource;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Boolean> write(List<StationEvent> events) throws SQLException {
    Boolean[] applied = new Boolean[events.size()];
    Arrays.fill(applied, Boolean.TRUE);
    try (Connection c = dataSource.getConnection()) {
      connects(c, events, applied);
      boots(c, events, applied);
      statuses(c, events);
      presence(c, events);
      disconnects(c, events);
    }
    return Arrays.asList(applied);
  }

  private static void connects(Connection c, List<StationEvent> events, Boolean[] applied) throws SQLException {
    List<Integer> at = indexesOf(events, Connected.class);
    if (at.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(at.size());
    at.forEach(i -> ids.add(events.get(i).stationId()));
    Map<String, String[]> owner = new HashMap<>();
    forChunks(c, OWNERS, ids, rs -> owner.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}));
    try (PreparedStatement update = c.prepareStatement(CONNECT);
        PreparedStatement takeover = c.prepareStatement(TAKEOVER)) {
      boolean takeovers = false;
      for (int i : at) {
        Connected e = (Connected) events.get(i);
        String[] previous = owner.get(e.stationId());
        if (previous == null) {
          applied[i] = false; // not registered (any more): nothing to mark
          continue;
        }
        if (previous[0] != null && !previous[0].equals(e.instanceId())) {
          takeover.setString(1, e.stationId());
          takeover.setString(2, previous[0]);
          takeover.setString(3, previous[1]);
          takeover.setObject(4, utc(e.at()));
          takeover.addBatch();
          takeovers = true;
        }
        owner.put(e.stationId(), new String[] {e.instanceId(), e.token()});
        update.setString(1, e.instanceId());
        update.setString(2, e.token());
        update.setString(3, e.protocol());
        update.setObject(4, utc(e.at()));
        update.setObject(5, utc(e.at()));
        update.setString(6, e.stationId());
        update.addBatch();
      }
      update.executeBatch();
      if (takeovers) {
        takeover.executeBatch();
      }
    }
  }

  private static void boots(Connection c, List<StationEvent> events, Boolean[] applied) throws SQLException {
    List<Integer> at = indexesOf(events, Booted.class);
    if (at.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(BOOT)) {
      for (int i : at) {
        Booted e = (Booted) events.get(i);
        BootInfo b = e.info();
        ps.setString(1, b.vendor());
        ps.setString(2, b.model());
        ps.setString(3, b.firmwareVersion());
        ps.setString(4, b.chargePointSerialNumber());
        ps.setString(5, b.chargeBoxSerialNumber());
        ps.setString(6, b.iccid());
        ps.setString(7, b.imsi());
        ps.setString(8, b.meterType());
        ps.setString(9, b.meterSerialNumber());
        ps.setObject(10, utc(e.at()));
        ps.setObject(11, utc(e.at()));
        ps.setString(12, e.stationId());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int k = 0; k < at.size() && k < counts.length; k++) {
        if (counts[k] == 0) {
          applied[at.get(k)] = false;
        }
      }
    }
  }

  private static void statuses(Connection c, List<StationEvent> events) throws SQLException {
    List<Integer> at = indexesOf(events, StatusReported.class);
    if (at.isEmpty()) {
      return;
    }
    try (PreparedStatement history = c.prepareStatement(JpaStationRepository.INSERT_HISTORY);
        PreparedStatement latest = c.prepareStatement(JpaStationRepository.UPSERT_LATEST)) {
      for (int i : at) {
        StatusReported e = (StatusReported) events.get(i);
        JpaStationRepository.bindStatus(history, e.stationId(), e.report(), e.receivedAt());
        history.addBatch();
        JpaStationRepository.bindStatus(latest, e.stationId(), e.report(), e.receivedAt());
        latest.addBatch();
      }
      history.executeBatch();
      latest.executeBatch();
    }
  }

  /** One last_seen write per station for statuses and presence events, the latest time. */
  private static void presence(Connection c, List<StationEvent> events) throws SQLException {
    Map<String, Instant> seen = new LinkedHashMap<>();
    for (StationEvent e : events) {
      Instant t = e instanceof Seen s ? s.at() : e instanceof StatusReported r ? r.receivedAt() : null;
      if (t != null) {
        seen.merge(e.stationId(), t, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    if (seen.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(SEEN)) {
      for (Map.Entry<String, Instant> s : seen.entrySet()) {
        ps.setObject(1, utc(s.getValue()));
        ps.setString(2, s.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void disconnects(Connection c, List<StationEvent> events) throws SQLException {
    List<Integer> at = indexesOf(events, Disconnected.class);
    if (at.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(DISCONNECT)) {
      for (int i : at) {
        Disconnected e = (Disconnected) events.get(i);
        ps.setObject(1, utc(e.at()));
        ps.setString(2, e.stationId());
        ps.setString(3, e.token());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public Map<String, HandshakeInfo> handshakeInfo(List<String> stationIds) throws SQLException {
    Map<String, HandshakeInfo> found = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      forChunks(c, HANDSHAKE, stationIds, rs -> found.put(rs.getString(1), handshakeInfo(rs)));
    }
    return found;
  }

  @Override
  public void allHandshakeInfo(BiConsumer<String, HandshakeInfo> each) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(ALL_HANDSHAKE);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        each.accept(rs.getString(1), handshakeInfo(rs));
      }
    }
  }

  private static HandshakeInfo handshakeInfo(ResultSet rs) throws SQLException {
    return new HandshakeInfo(rs.getString(2), ChargingStation.ACCEPTED.equals(rs.getString(3)));
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code select + "(?, …)"} over distinct {@code ids} in chunks. Chunk sizes are rounded
   * up to a few fixed lengths (padding with a repeated id) so the database sees only a handful of
   * distinct statements and can reuse their plans.
   */
  private static void forChunks(Connection c, String select, List<String> ids, RowReader reader) throws SQLException {
    List<String> distinct = ids.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK));
      int size = paddedSize(chunk.size());
      try (PreparedStatement ps = c.prepareStatement(select + "(" + "?,".repeat(size - 1) + "?)")) {
        for (int k = 0; k < size; k++) {
          ps.setString(k + 1, chunk.get(Math.min(k, chunk.size() - 1)));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            reader.read(rs);
          }
        }
      }
    }
  }

  static int paddedSize(int n) {
    for (int size : new int[] {1, 4, 16, 64}) {
      if (n <= size) {
        return size;
      }
    }
    return IN_CHUNK;
  }

  private static List<Integer> indexesOf(List<StationEvent> events, Class<? extends StationEvent> kind) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (kind.isInstance(events.get(i))) {
        out.add(i);
      }
    }
    return out;
  }
}
