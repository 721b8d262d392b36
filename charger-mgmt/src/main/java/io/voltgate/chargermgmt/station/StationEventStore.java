package io.voltgate.chargermgmt.station;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Storage for groups of {@link StationEvent}s and for the handshake's grouped reads. */
public interface StationEventStore {

  /**
   * Writes the events in one transaction, in order. Returns per event whether it applied
   * ({@code false}: its station does not exist, and nothing was written for it).
   */
  List<Boolean> write(List<StationEvent> events) throws Exception;

  /** Handshake facts of those of {@code stationIds} that are registered. */
  Map<String, HandshakeInfo> handshakeInfo(List<String> stationIds) throws Exception;

  /** Handshake facts of every registered station, one call per station. */
  void allHandshakeInfo(BiConsumer<String, HandshakeInfo> each) throws Exception;
}
