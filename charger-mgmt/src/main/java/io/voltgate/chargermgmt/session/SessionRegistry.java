package io.voltgate.chargermgmt.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Station id → the live connection on this instance. The newest connection wins: registering
 * returns the one it replaced so the caller can close it (CONTRACT §1).
 */
@ApplicationScoped
public class SessionRegistry {

  private final ConcurrentHashMap<String, OcppConnection> byStation = new ConcurrentHashMap<>();

  /** Makes {@code connection} the station's current one; returns the replaced one, if any. */
  public Optional<OcppConnection> register(OcppConnection connection) {
    return Optional.ofNullable(byStation.put(connection.stationId(), connection));
  }

  /** Removes the connection only if it is still the station's current one. */
  public boolean remove(OcppConnection connection) {
    return byStation.remove(connection.stationId(), connection);
  }

  public Optional<OcppConnection> find(String stationId) {
    return Optional.ofNullable(byStation.get(stationId));
  }

  public int size() {
    return byStation.size();
  }

  public Collection<OcppConnection> all() {
    return byStation.values();
  }
}
