package io.voltgate.chargermgmt.station;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of stations, their connectors and statuses. */
public interface StationRepository {

  Optional<ChargingStation> find(String stationId);

  /** The station, its registered connectors and their latest statuses (each by connector id). */
  Optional<StationDetails> details(String stationId);

  void add(ChargingStation station);

  /**
   * Deletes the station and every row kept for it (connectors, statuses, history, takeover
   * notes); returns whether it existed. Not part of the API: only the start-up warm-up's own
   * stations are removed this way.
   */
  boolean delete(String stationId);

  List<RegisteredConnector> connectors(String stationId);

  void replaceConnectors(String stationId, List<ConnectorSpec> connectors);

  List<LatestConnectorStatus> latestStatuses(String stationId);

  /** Stations ordered by id after {@code afterId} (exclusive; null = from the start). */
  List<ChargingStation> page(Boolean connected, String afterId, int limit);

  /** Forgets every session marker of {@code instanceId} (after that instance restarted). */
  int clearInstance(String instanceId);

  void recordDataTransfer(String stationId, String vendorId, String messageId, String data, Instant now);

  /** Takeovers of sessions held by {@code instanceId}, after note {@code afterId}, oldest first. */
  List<Takeover> takeoversFrom(String instanceId, long afterId);

  long lastTakeoverId();

  int pruneTakeovers(Instant before);
}
