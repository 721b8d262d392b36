package io.voltgate.loadtest.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunResultTest {

  @Test
  void mergeAddsCountersHistogramsAndPerSecondSeriesOfTheChildren() {
    FleetMetrics a = new FleetMetrics();
    FleetMetrics b = new FleetMetrics();
    a.add("tx.acknowledged", 5);
    b.add("tx.acknowledged", 7);
    b.increment("tx.lost");
    for (int i = 1; i <= 100; i++) {
      a.recordNanos("call.Heartbeat", i * 1_000_000L);
    }
    b.recordNanos("call.Heartbeat", 5_000_000_000L);
    RunResult merged = RunResult.merge(List.of(a.snapshot(), b.snapshot()));

    assertEquals(12, merged.counter("tx.acknowledged"));
    assertEquals(1, merged.counter("tx.lost"));
    assertEquals(101, merged.histogram("call.Heartbeat").getTotalCount());
    assertEquals(5_000_000, merged.histogram("call.Heartbeat").getMaxValue(), 5_000);
    assertEquals(51_000, merged.histogram("call.Heartbeat").getValueAtPercentile(50), 100); // 51st of 101
    assertEquals(0, merged.histogram("never.recorded").getTotalCount());
  }

  @Test
  void mergeSumsSeriesPerSecondAndTakesTheLatestMarkButTheEarliestStart() {
    RunResult one = new RunResult(Map.of(), Map.of(), Map.of("handshake.101", new TreeMap<>(Map.of(10L, 3L, 11L, 4L))),
        Map.of("connected", new TreeMap<>(Map.of(10L, 100L))), Map.of("start", 1_000L, "recovered", 5_000L,
        "firstDrop", 3_000L));
    RunResult two = new RunResult(Map.of(), Map.of(), Map.of("handshake.101", new TreeMap<>(Map.of(11L, 6L))),
        Map.of("connected", new TreeMap<>(Map.of(10L, 50L))), Map.of("start", 900L, "recovered", 7_000L,
        "firstDrop", 2_500L));
    RunResult merged = RunResult.merge(List.of(one, two));
    assertEquals(Map.of(10L, 3L, 11L, 10L), merged.rate("handshake.101"));
    assertEquals(Map.of(10L, 150L), merged.gauge("connected"));
    assertEquals(900L, merged.marks().get("start"));
    assertEquals(7_000L, merged.marks().get("recovered"));
    assertEquals(2_500L, merged.marks().get("firstDrop"));
  }
}
