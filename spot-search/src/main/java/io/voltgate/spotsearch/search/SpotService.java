package io.voltgate.spotsearch.search;

import io.voltgate.spotsearch.readmodel.Spot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Spot registration (admin) and lookup. */
@ApplicationScoped
public class SpotService {

  @PersistenceContext(unitName = "spot-search")
  EntityManager em;

  /** Creates or replaces a spot; returns true when created. */
  @Transactional
  public boolean put(String spotId, String name, double lat, double lng, String address, String operatorName) {
    Spot spot = em.find(Spot.class, spotId);
    boolean created = spot == null;
    if (created) {
      spot = new Spot(spotId);
    }
    spot.replace(name, lat, lng, address, operatorName, LocalDateTime.now(ZoneOffset.UTC));
    if (created) {
      em.persist(spot);
    }
    return created;
  }

  @Transactional
  public Optional<Spot> find(String spotId) {
    return Optional.ofNullable(em.find(Spot.class, spotId));
  }
}
