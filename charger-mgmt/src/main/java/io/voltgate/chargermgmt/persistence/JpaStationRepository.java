package io.voltgate.chargermgmt.persistence;

import static io.voltgate.chargermgmt.persistence.InstantConverter.utc;

import io.voltgate.chargermgmt.station.ChargingStation;
import io.voltgate.chargermgmt.station.ConnectorSpec;
import io.voltgate.chargermgmt.station.LatestConnectorStatus;
import io.voltgate.chargermgmt.station.RegisteredConnector;
import io.voltgate.chargermgmt.station.StationDetails;
import io.voltgate.chargermgmt.station.StationRepository;
import io.voltgate.chargermgmt.station.StatusReport;
import io.voltgate.chargermgmt.station.Takeover;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** JPA-backed {@link StationRepository}; the status upsert is one native statement. */
@ApplicationScoped
public class JpaStationRepository implements StationRepository {

  /*
   * MySQL applies ON DUPLICATE KEY UPDATE assignments left to right, so every column compares
   * against the old status_at and status_at itself is assigned last. ">=" lets a later arrival
   * with the same timestamp win (CONTRACT §1: arrival order breaks ties). H2 (MODE=MySQL)
   * evaluates the same way.
   */
  private static final String NEWER = "VALUES(status_at) >= status_at";
  static final String UPSERT_LATEST =
      "INSERT INTO connector_status_latest (station_id, connector_id, status, error_code, info,"
          + " vendor_id, vendor_error_code, status_at, received_at) VALUES (?,?,?,?,?,?,?,?,?)"
          + " ON DUPLICATE KEY UPDATE"
          + " status = CASE WHEN " + NEWER + " THEN VALUES(status) ELSE status END,"
          + " error_code = CASE WHEN " + NEWER + " THEN VALUES(error_code) ELSE error_code END,"
          + " info = CASE WHEN " + NEWER + " THEN VALUES(info) ELSE info END,"
          + " vendor_id = CASE WHEN " + NEWER + " THEN VALUES(vendor_id) ELSE vendor_id END,"
          + " vendor_error_code = CASE WHEN " + NEWER + " THEN VALUES(vendor_error_code) ELSE vendor_error_code END,"
          + " received_at = CASE WHEN " + NEWER + " THEN VALUES(received_at) ELSE received_at END,"
          + " status_at = CASE WHEN " + NEWER + " THEN VALUES(status_at) ELSE status_at END";
  static final String INSERT_HISTORY =
      "INSERT INTO connector_status_history (station_id, connector_id, status, error_code, info,"
          + " vendor_id, vendor_error_code, status_at, received_at) VALUES (?,?,?,?,?,?,?,?,?)";

  @PersistenceContext(unitName = "charger-mgmt")
  EntityManager em;

  @Override
  public Optional<ChargingStation> find(String stationId) {
    return Optional.ofNullable(em.find(ChargingStation.class, stationId));
  }

  /**
   * One statement, not three in a transaction: the admin API's station read was a primary-key
   * find, two queries and a commit, four database round trips where a search costs none, so
   * during a crash's reconnect storm (the survivor writing the returning fleet, on busy cores)
   * each round trip was another wait: its p99 was 2-3 times the search's (upgrade scenario).
   * A station has a handful of connectors and statuses, so their cross product is a few rows.
   */
  @Override
  public Optional<StationDetails> details(String stationId) {
    List<Object[]> rows = em.createQuery(
            "SELECT s, c, l FROM ChargingStation s"
                + " LEFT JOIN RegisteredConnector c ON c.stationId = s.stationId"
                + " LEFT JOIN LatestConnectorStatus l ON l.stationId = s.stationId"
                + " WHERE s.stationId = :s",
            Object[].class)
        .setParameter("s", stationId)
        .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<Integer, RegisteredConnector> connectors = new TreeMap<>();
    Map<Integer, LatestConnectorStatus> statuses = new TreeMap<>();
    for (Object[] row : rows) {
      if (row[1] instanceof RegisteredConnector c) {
        connectors.putIfAbsent(c.getConnectorId(), c);
      }
      if (row[2] instanceof LatestConnectorStatus l) {
        statuses.putIfAbsent(l.getConnectorId(), l);
      }
    }
    return Optional.of(new StationDetails(
        (ChargingStation) rows.get(0)[0], List.copyOf(connectors.values()), List.copyOf(statuses.values())));
  }

  @Override
  public void add(ChargingStation station) {
    em.persist(station);
  }

  /** Children first; the schema has no foreign keys, so the order only keeps a reader from seeing orphans. */
  private static final List<String> DELETE_STATION = List.of(
      "DELETE FROM connector_status_history WHERE station_id = ?",
      "DELETE FROM connector_status_latest WHERE station_id = ?",
      "DELETE FROM connector WHERE station_id = ?",
      "DELETE FROM session_takeover WHERE station_id = ?",
      "DELETE FROM station WHERE station_id = ?");

  @Override
  public boolean delete(String stationId) {
    int deleted = 0;
    for (String sql : DELETE_STATION) {
      deleted = em.createNativeQuery(sql).setParameter(1, stationId).executeUpdate();
    }
    return deleted > 0;
  }

  @Override
  public List<RegisteredConnector> connectors(String stationId) {
    return em.createQuery(
            "SELECT c FROM RegisteredConnector c WHERE c.stationId = :s ORDER BY c.connectorId",
            RegisteredConnector.class)
        .setParameter("s", stationId)
        .getResultList();
  }

  @Override
  public void replaceConnectors(String stationId, List<ConnectorSpec> connectors) {
    em.createQuery("DELETE FROM RegisteredConnector c WHERE c.stationId = :s")
        .setParameter("s", stationId)
        .executeUpdate();
    for (ConnectorSpec c : connectors) {
      em.persist(new RegisteredConnector(stationId, c.connectorId(), c.type(), c.maxPowerKw()));
    }
    // Deleted connector rows leave no change marker behind; bumping the station's counter
    // tells spot-search's index to reload this station's connectors (V5 migration).
    em.createNativeQuery("UPDATE station SET connectors_version = connectors_version + 1 WHERE station_id = ?")
        .setParameter(1, stationId)
        .executeUpdate();
  }

  @Override
  public List<LatestConnectorStatus> latestStatuses(String stationId) {
    return em.createQuery(
            "SELECT l FROM LatestConnectorStatus l WHERE l.stationId = :s ORDER BY l.connectorId",
            LatestConnectorStatus.class)
        .setParameter("s", stationId)
        .getResultList();
  }

  @Override
  public List<ChargingStation> page(Boolean connected, String afterId, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT s FROM ChargingStation s WHERE 1 = 1");
    if (afterId != null) {
      jpql.append(" AND s.stationId > :after");
    }
    if (connected != null) {
      jpql.append(connected ? " AND s.instanceId IS NOT NULL" : " AND s.instanceId IS NULL");
    }
    jpql.append(" ORDER BY s.stationId");
    TypedQuery<ChargingStation> q = em.createQuery(jpql.toString(), ChargingStation.class);
    if (afterId != null) {
      q.setParameter("after", afterId);
    }
    return q.setMaxResults(limit).getResultList();
  }

  static void bindStatus(PreparedStatement ps, String stationId, StatusReport r, Instant receivedAt)
      throws SQLException {
    ps.setString(1, stationId);
    ps.setInt(2, r.connectorId());
    ps.setString(3, r.status());
    ps.setString(4, r.errorCode());
    ps.setString(5, r.info());
    ps.setString(6, r.vendorId());
    ps.setString(7, r.vendorErrorCode());
    ps.setObject(8, utc(r.statusAt()));
    ps.setObject(9, utc(receivedAt));
  }

  @Override
  public int clearInstance(String instanceId) {
    return em.createNativeQuery(
            "UPDATE station SET instance_id = NULL, session_token = NULL WHERE instance_id = ?")
        .setParameter(1, instanceId)
        .executeUpdate();
  }

  @Override
  public void recordDataTransfer(String stationId, String vendorId, String messageId, String data, Instant now) {
    em.createNativeQuery(
            "INSERT INTO data_transfer (station_id, vendor_id, message_id, data, received_at) VALUES (?,?,?,?,?)")
        .setParameter(1, stationId)
        .setParameter(2, vendorId)
        .setParameter(3, messageId)
        .setParameter(4, data)
        .setParameter(5, utc(now))
        .executeUpdate();
  }

  @Override
  public List<Takeover> takeoversFrom(String instanceId, long afterId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(
            "SELECT id, station_id, session_token FROM session_takeover WHERE from_instance = ? AND id > ? ORDER BY id")
        .setParameter(1, instanceId)
        .setParameter(2, afterId)
        .getResultList();
    List<Takeover> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(new Takeover(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
    }
    return out;
  }

  @Override
  public long lastTakeoverId() {
    Object max = em.createNativeQuery("SELECT MAX(id) FROM session_takeover").getSingleResult();
    return max == null ? 0 : ((Number) max).longValue();
  }

  @Override
  public int pruneTakeovers(Instant before) {
    return em.createNativeQuery("DELETE FROM session_takeover WHERE created_at < ?")
        .setParameter(1, utc(before))
        .executeUpdate();
  }
}
