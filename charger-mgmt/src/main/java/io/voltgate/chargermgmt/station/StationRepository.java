package io.voltgate.chargermgmt.station;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of stations, their connectors and statuses. */
public interface StationRepository {

  Optional<ChargingStation> find(String stationId);

  void add(ChargingStation station);

  List<RegisteredConnector> connectors(String stationId);

  void replaceConnectors(String stationId, List<ConnectorSpec> connectors);

  List<LatestConnectorStatus> latestStatuses(String stationId);

  /** Stations ordered by id after {@code afterId} (exclusive; null = from the start). */
  List<ChargingStation> page(Boolean connected, String afterId, int limit);

  /** Appends to the history and moves the latest status forward if this one is not older. */
  void recordStatus(String stationId, StatusReport report, Instant receivedAt);

  /** Notes that the station's session now lives on {@code instanceId} under {@code token}. */
  void markConnected(String stationId, String instanceId, String token, String protocol, Instant now);

  /** Clears the session marker, only if it is still the one {@code token} set. */
  void markDisconnected(String stationId, String token, Instant now);

  /** Forgets every session marker of {@code instanceId} (after that instance restarted). */
  int clearInstance(String instanceId);

  void touch(String stationId, Instant now);

  void recordDataTransfer(String stationId, String vendorId, String messageId, String data, Instant now);

  /** The current holder of the station's socket, if any (primary-key read). */
  Optional<SessionOwner> owner(String stationId);

  void recordTakeover(String stationId, String fromInstance, String token, Instant now);

  /** Takeovers of sessions held by {@code instanceId}, after note {@code afterId}, oldest first. */
  List<Takeover> takeoversFrom(String instanceId, long afterId);

  long lastTakeoverId();

  int pruneTakeovers(Instant before);
}
