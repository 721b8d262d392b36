package io.voltgate.chargermgmt.station;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Station rules: registration by operators, boot decisions, status and presence. Each method
 * is one short database transaction of primary-key reads and writes, because the OCPP message
 * path calls it.
 */
@ApplicationScoped
public class StationService {

  @Inject StationRepository stations;
  @Inject StationEvents events;

  @Inject
  @ConfigProperty(name = "voltgate.ocpp.heartbeat-interval-seconds", defaultValue = "300")
  int heartbeatIntervalSeconds;

  @Inject
  @ConfigProperty(name = "voltgate.stations.auto-register", defaultValue = "false")
  boolean autoRegister;

  /** Registers or replaces a station (PUT semantics); returns true when it was created. */
  @Transactional
  public boolean register(
      String stationId, String spotId, String passwordHash, List<ConnectorSpec> connectors) {
    Instant now = Instant.now();
    Optional<ChargingStation> existing = stations.find(stationId);
    ChargingStation station = existing.orElseGet(() -> new ChargingStation(stationId, now));
    station.replaceRegistration(spotId, passwordHash);
    if (existing.isEmpty()) {
      stations.add(station);
    }
    stations.replaceConnectors(stationId, connectors == null ? List.of() : connectors);
    events.forget(stationId);
    return existing.isEmpty();
  }

  /**
   * Removes a station with everything kept for it; the handshake facts this instance holds go
   * too. For the start-up warm-up's own stations (there is no DELETE in the API).
   */
  @Transactional
  public boolean remove(String stationId) {
    boolean existed = stations.delete(stationId);
    events.forget(stationId);
    return existed;
  }

  /** A read outside a transaction: one statement, no commit (see the repository). */
  public Optional<StationDetails> details(String stationId) {
    return stations.details(stationId);
  }

  @Transactional
  public List<StationDetails> page(Boolean connected, String afterId, int limit) {
    return stations.page(connected, afterId, limit).stream()
        .map(
            s ->
                new StationDetails(
                    s, stations.connectors(s.getStationId()), stations.latestStatuses(s.getStationId())))
        .toList();
  }

  /**
   * The station as the handshake needs it (one primary-key read). With auto-registration on,
   * an unknown station is created without a password.
   */
  @Transactional
  public Optional<ChargingStation> forHandshake(String stationId) {
    Optional<ChargingStation> found = stations.find(stationId);
    if (found.isEmpty() && autoRegister) {
      ChargingStation created = new ChargingStation(stationId, Instant.now());
      stations.add(created);
      return Optional.of(created);
    }
    return found;
  }

  @Transactional
  public List<Takeover> takeoversFrom(String instanceId, long afterId) {
    return stations.takeoversFrom(instanceId, afterId);
  }

  @Transactional
  public long lastTakeoverId() {
    return stations.lastTakeoverId();
  }

  @Transactional
  public int pruneTakeovers(Instant before) {
    return stations.pruneTakeovers(before);
  }

  @Transactional
  public int forgetSessionsOf(String instanceId) {
    return stations.clearInstance(instanceId);
  }

  @Transactional
  public void diagnosticsStatus(String stationId, String status) {
    stations.find(stationId).ifPresent(s -> s.setDiagnosticsStatus(status, Instant.now()));
  }

  @Transactional
  public void firmwareStatus(String stationId, String status) {
    stations.find(stationId).ifPresent(s -> s.setFirmwareStatus(status, Instant.now()));
  }

  @Transactional
  public void dataTransfer(String stationId, String vendorId, String messageId, String data) {
    stations.recordDataTransfer(stationId, vendorId, messageId, data, Instant.now());
  }

  /** Whether unknown stations are created on their first handshake (development only). */
  public boolean autoRegisters() {
    return autoRegister;
  }

  public int heartbeatIntervalSeconds() {
    return heartbeatIntervalSeconds;
  }
}
