package io.voltgate.chargermgmt.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstanceStatusTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private static InstanceStatus status(boolean ready, boolean draining, int secondsAgo) {
    return new InstanceStatus("b", "http://b:9080", NOW.minusSeconds(3600), NOW.minusSeconds(secondsAgo), ready, draining, 0);
  }

  @Test
  void aSuccessorIsReadyNotDrainingAndRecentlyHeardFrom() {
    assertTrue(status(true, false, 1).liveAndReady(NOW, 6));
  }

  @Test
  void notReadyDrainingOrSilentInstancesAreNoSuccessors() {
    assertFalse(status(false, false, 1).liveAndReady(NOW, 6), "not ready");
    assertFalse(status(true, true, 1).liveAndReady(NOW, 6), "draining itself");
    assertFalse(status(true, false, 7).liveAndReady(NOW, 6), "heartbeat too old");
  }
}
