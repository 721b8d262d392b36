package io.voltgate.chargermgmt.persistence;

import static io.voltgate.chargermgmt.persistence.InstantConverter.utc;

import io.voltgate.chargermgmt.cluster.InstanceDirectory;
import io.voltgate.chargermgmt.cluster.InstanceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * csms_instance through native keyed statements: a handful of rows, written every few seconds.
 * Each call is its own transaction (its callers are timers, not request handlers).
 */
@ApplicationScoped
@Transactional
public class JpaInstanceDirectory implements InstanceDirectory {

  @PersistenceContext(unitName = "charger-mgmt")
  EntityManager em;

  @Override
  public void heartbeat(InstanceStatus s) {
    int updated = em.createNativeQuery(
            "UPDATE csms_instance SET base_url = ?, started_at = ?, heartbeat_at = ?, ready = ?, draining = ?,"
                + " sessions = ? WHERE instance_id = ?")
        .setParameter(1, s.baseUrl())
        .setParameter(2, utc(s.startedAt()))
        .setParameter(3, utc(s.heartbeatAt()))
        .setParameter(4, s.ready())
        .setParameter(5, s.draining())
        .setParameter(6, s.sessions())
        .setParameter(7, s.instanceId())
        .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO csms_instance (instance_id, base_url, started_at, heartbeat_at, ready, draining, sessions)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")
          .setParameter(1, s.instanceId())
          .setParameter(2, s.baseUrl())
          .setParameter(3, utc(s.startedAt()))
          .setParameter(4, utc(s.heartbeatAt()))
          .setParameter(5, s.ready())
          .setParameter(6, s.draining())
          .setParameter(7, s.sessions())
          .executeUpdate();
    }
  }

  @Override
  public List<InstanceStatus> all() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(
            "SELECT instance_id, base_url, started_at, heartbeat_at, ready, draining, sessions FROM csms_instance")
        .getResultList();
    List<InstanceStatus> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(new InstanceStatus(
          (String) r[0],
          (String) r[1],
          InstantConverter.parse(String.valueOf(r[2])),
          InstantConverter.parse(String.valueOf(r[3])),
          truthy(r[4]),
          truthy(r[5]),
          ((Number) r[6]).intValue()));
    }
    return out;
  }

  @Override
  public boolean removeIfSilentSince(String instanceId, Instant before) {
    return em.createNativeQuery("DELETE FROM csms_instance WHERE instance_id = ? AND heartbeat_at < ?")
        .setParameter(1, instanceId)
        .setParameter(2, utc(before))
        .executeUpdate() > 0;
  }

  @Override
  public void remove(String instanceId) {
    em.createNativeQuery("DELETE FROM csms_instance WHERE instance_id = ?").setParameter(1, instanceId).executeUpdate();
  }

  private static boolean truthy(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value instanceof Number n && n.intValue() != 0;
  }
}
