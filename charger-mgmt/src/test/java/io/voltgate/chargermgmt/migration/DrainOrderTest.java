package io.voltgate.chargermgmt.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrainOrderTest {

  @Test
  void idleStationsComeFirstThenThoseWithAnActiveTransaction() {
    List<String> order = DrainOrder.of(List.of("C", "busy-2", "A", "busy-1", "B"), Set.of("busy-1", "busy-2", "gone"));
    assertEquals(List.of("A", "B", "C", "busy-1", "busy-2"), order);
  }

  @Test
  void everyoneIdleOrEveryoneBusyKeepsAll() {
    assertEquals(List.of("A", "B"), DrainOrder.of(List.of("B", "A"), Set.of()));
    assertEquals(List.of("A", "B"), DrainOrder.of(List.of("B", "A"), Set.of("A", "B")));
    assertEquals(List.of(), DrainOrder.of(List.of(), Set.of("A")));
  }
}
