package io.voltgate.chargermgmt.cluster;

import java.time.Instant;

/** One instance's row as its last heartbeat left it. */
public record InstanceStatus(
    String instanceId, String baseUrl, Instant startedAt, Instant heartbeatAt, boolean ready, boolean draining, int sessions) {

  /** Ready to take chargers: says so, is not draining, and its heartbeat is recent. */
  public boolean liveAndReady(Instant now, long freshSeconds) {
    return ready && !draining && heartbeatAt.isAfter(now.minusSeconds(freshSeconds));
  }
}
