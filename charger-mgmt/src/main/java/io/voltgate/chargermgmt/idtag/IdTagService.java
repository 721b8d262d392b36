package io.voltgate.chargermgmt.idtag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;

/**
 * Authorize and tag administration. Tags are read from the database on every Authorize (one
 * primary-key read), so an operator's change applies to the next Authorize at once on every
 * instance (CONTRACT §1).
 */
@ApplicationScoped
public class IdTagService {

  public static final Set<String> STATUSES = Set.of("Accepted", "Blocked", "Expired", "Invalid");

  @PersistenceContext(unitName = "charger-mgmt")
  EntityManager em;

  @Transactional
  public IdTagInfo authorize(String idTag) {
    IdTag tag = em.find(IdTag.class, idTag);
    if (tag == null) {
      return IdTagInfo.INVALID;
    }
    return new IdTagInfo(tag.effectiveStatus(Instant.now()), tag.getExpiryDate(), tag.getParentIdTag());
  }

  /** Creates or replaces a tag; returns true when created. */
  @Transactional
  public boolean put(String idTag, String status, Instant expiryDate, String parentIdTag) {
    IdTag tag = em.find(IdTag.class, idTag);
    boolean created = tag == null;
    if (created) {
      tag = new IdTag(idTag);
    }
    tag.replace(status, expiryDate, parentIdTag, Instant.now());
    if (created) {
      em.persist(tag);
    }
    return created;
  }

  @Transactional
  public IdTag find(String idTag) {
    return em.find(IdTag.class, idTag);
  }
}
