package io.voltgate.chargermgmt.persistence;

import static io.voltgate.chargermgmt.persistence.InstantConverter.utc;

import io.voltgate.chargermgmt.transaction.ChargingTransaction;
import io.voltgate.chargermgmt.transaction.MeterSample;
import io.voltgate.chargermgmt.transaction.TransactionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JPA-backed {@link TransactionRepository}; meter values go in one JDBC batch per message. */
@ApplicationScoped
public class JpaTransactionRepository implements TransactionRepository {

  private static final String INSERT_SAMPLE =
      "INSERT IGNORE INTO meter_value (station_id, connector_id, transaction_id, sampled_at, measurand,"
          + " phase, location, context, unit, value_format, reading, received_at)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";

  @PersistenceContext(unitName = "charger-mgmt")
  EntityManager em;

  @Override
  public Optional<ChargingTransaction> find(int transactionId) {
    return Optional.ofNullable(em.find(ChargingTransaction.class, transactionId));
  }

  @Override
  public Optional<ChargingTransaction> findStart(
      String stationId, int connectorId, String idTag, Instant startedAt, int meterStart) {
    // Served by the unique index charging_transaction_replay: a keyed read.
    return em.createQuery(
            "SELECT t FROM ChargingTransaction t WHERE t.stationId = :s AND t.connectorId = :c"
                + " AND t.idTag = :tag AND t.startedAt = :at AND t.meterStart = :m",
            ChargingTransaction.class)
        .setParameter("s", stationId)
        .setParameter("c", connectorId)
        .setParameter("tag", idTag)
        .setParameter("at", startedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
        .setParameter("m", meterStart)
        .getResultStream()
        .findFirst();
  }

  @Override
  public ChargingTransaction add(ChargingTransaction transaction) {
    em.persist(transaction);
    em.flush();
    return transaction;
  }

  @Override
  public void addSamples(String stationId, int connectorId, Integer transactionId, List<MeterSample> samples) {
    Connection c = em.unwrap(Connection.class);
    Instant now = Instant.now();
    try (PreparedStatement ps = c.prepareStatement(INSERT_SAMPLE)) {
      for (MeterSample s : samples) {
        ps.setString(1, stationId);
        ps.setInt(2, connectorId);
        ps.setObject(3, transactionId);
        ps.setObject(4, utc(s.sampledAt()));
        ps.setString(5, s.measurand());
        ps.setString(6, s.phase() == null ? "" : s.phase());
        ps.setString(7, s.location());
        ps.setString(8, s.context());
        ps.setString(9, s.unit());
        ps.setString(10, s.format());
        ps.setString(11, s.value());
        ps.setObject(12, utc(now));
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store meter values of " + stationId, e);
    }
  }

  @Override
  public List<ChargingTransaction> page(String stationId, Boolean active, Integer afterId, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT t FROM ChargingTransaction t WHERE 1 = 1");
    if (stationId != null) {
      jpql.append(" AND t.stationId = :s");
    }
    if (active != null) {
      jpql.append(active ? " AND t.stoppedAt IS NULL" : " AND t.stoppedAt IS NOT NULL");
    }
    if (afterId != null) {
      jpql.append(" AND t.transactionId > :after");
    }
    jpql.append(" ORDER BY t.transactionId");
    TypedQuery<ChargingTransaction> q = em.createQuery(jpql.toString(), ChargingTransaction.class);
    if (stationId != null) {
      q.setParameter("s", stationId);
    }
    if (afterId != null) {
      q.setParameter("after", afterId);
    }
    return q.setMaxResults(limit).getResultList();
  }

  @Override
  public java.util.Set<String> stationsWithActiveTransactions() {
    @SuppressWarnings("unchecked")
    List<String> ids = em.createNativeQuery(
            "SELECT DISTINCT station_id FROM charging_transaction WHERE stopped_at IS NULL")
        .getResultList();
    return java.util.Set.copyOf(ids);
  }
}
