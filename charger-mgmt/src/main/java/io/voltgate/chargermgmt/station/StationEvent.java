package io.voltgate.chargermgmt.station;

import java.time.Instant;

/**
 * What the charger message path records about a station. Each is a small keyed write; they are
 * written in groups ({@link StationEvents}), every event after the ones submitted before it.
 */
public sealed interface StationEvent {

  String stationId();

  /** This instance now holds the station's socket (newest connection wins, CONTRACT §1). */
  record Connected(String stationId, String instanceId, String token, String protocol, Instant at)
      implements StationEvent {}

  /** The socket under {@code token} closed; a newer session's marker is left alone. */
  record Disconnected(String stationId, String token, Instant at) implements StationEvent {}

  /** The station was heard from (presence, written coalesced). */
  record Seen(String stationId, Instant at) implements StationEvent {}

  /** A BootNotification that is answered Accepted. */
  record Booted(String stationId, BootInfo info, Instant at) implements StationEvent {}

  /** A StatusNotification: history row, latest status (if not older), presence. */
  record StatusReported(String stationId, StatusReport report, Instant receivedAt) implements StationEvent {}
}
