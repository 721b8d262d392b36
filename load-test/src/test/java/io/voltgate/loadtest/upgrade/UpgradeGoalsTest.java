package io.voltgate.loadtest.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.loadtest.report.UpgradeReport.Check;
import io.voltgate.loadtest.report.UpgradeReport.Outcome;
import io.voltgate.loadtest.report.UpgradeReport.WindowStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradeGoalsTest {

  private static Outcome outcome(String mode, double moveSeconds, long peak, long attempts, long refused, long lost,
      double searchSteadyP99, double searchMoveP99) {
    return outcome(mode, moveSeconds, peak, attempts, -1, -1, 0, refused, lost, searchSteadyP99, searchMoveP99);
  }

  private static Outcome outcome(String mode, double moveSeconds, long peak, long attempts, long arrivedPeak,
      long answeredPeak, long balancerUpgrades, long refused, long lost, double searchSteadyP99, double searchMoveP99) {
    List<WindowStats> probes = List.of(
        new WindowStats("search", "steady", 20, 400, 400, Map.of(), 2, searchSteadyP99, searchSteadyP99),
        new WindowStats("search", "move", moveSeconds, 300, 300, Map.of(), 2, searchMoveP99, searchMoveP99),
        new WindowStats("station", "steady", 20, 200, 200, Map.of(), 2, 10, 10),
        new WindowStats("station", "move", moveSeconds, 100, 99, Map.of("HTTP 503", 1L), 2, 20, 20));
    return new Outcome(mode, 2000, moveSeconds, moveSeconds, peak, attempts, arrivedPeak, answeredPeak, balancerUpgrades,
        2000, refused, lost, 0, 0, 0, 5, 50, probes, 0, 40, false, true, true, Path.of("."));
  }

  private static Check find(List<Check> checks, String mode, String goalStart) {
    return checks.stream().filter(c -> c.mode().equals(mode) && c.goal().startsWith(goalStart)).findFirst().orElseThrow();
  }

  @Test
  void gracefulWithinBoundsPassesEveryCiGate() {
    List<Check> checks = UpgradeGoals.evaluate(2000, 100, 400, List.of(
        outcome("graceful", 25, 108, 108, 0, 0, 10, 12), outcome("plain", 4, 700, 3000, 0, 0, 10, 900)));
    assertTrue(checks.stream().filter(Check::ciGate).allMatch(Check::pass), checks::toString);
    assertTrue(find(checks, "graceful", "search p99").pass());
    // 700 / 108 = 6.5× admitted, 3000 / 108 = 27.8× attempted: both short of 30×
    assertFalse(find(checks, "graceful", "flatter than plain: admitted").pass());
    assertFalse(find(checks, "graceful", "flatter than plain: attempted").pass());
  }

  @Test
  void gracefulPeakAboveCapPlusTenPercentOrSlowMoveFailsItsGoalsButOnlyRefusalsGateCi() {
    List<Check> checks = UpgradeGoals.evaluate(2000, 100, 400, List.of(outcome("graceful", 30.5, 111, 111, 1, 0, 10, 20)));
    assertFalse(find(checks, "graceful", "peak").pass());
    assertFalse(find(checks, "graceful", "peak").ciGate(), "a rate is a benchmark figure, not a CI gate");
    assertFalse(find(checks, "graceful", "all on B").pass()); // bound 2000 / 100 + 10 = 30 s
    assertFalse(find(checks, "graceful", "all on B").ciGate());
    assertFalse(find(checks, "graceful", "refused").pass());
    assertTrue(find(checks, "graceful", "refused").ciGate());
    assertFalse(find(checks, "graceful", "search p99").pass()); // 20 / 10 = 2× > 1.5×
    assertTrue(find(checks, "graceful", "lost").pass());
  }

  @Test
  void crashLossIsACiGateAndTheRecoveryBoundFollowsTheAdmissionRate() {
    List<Check> checks = UpgradeGoals.evaluate(2000, 100, 400, List.of(outcome("crash", 6.4, 400, 900, 0, 3, 10, 25)));
    Check lost = find(checks, "crash", "lost");
    assertTrue(lost.ciGate());
    assertFalse(lost.pass());
    Check back = find(checks, "crash", "all back");
    assertEquals("≤ 6.5 s (1.3 × N / admission rate 400)", back.bound());
    assertTrue(back.pass());
    assertFalse(back.ciGate());
    assertTrue(find(checks, "crash", "search p99").pass()); // 25 / 10 = 2.5× ≤ 3×
    assertFalse(find(checks, "crash", "station p99").pass()); // a failed request during the move
  }

  @Test
  void thePeakAtBIsOfArrivalsInHAProxysLogWhenItHoldsEveryUpgradeAndTheSimulatorsOtherwise() {
    // B stalled: the requests reached it at most 104 in a second, its answers bunched to 112, and
    // the simulator read 115
    Check fromLog = find(UpgradeGoals.evaluate(2000, 100, 400,
        List.of(outcome("graceful", 25, 115, 115, 104, 112, 2000, 0, 0, 10, 12))), "graceful", "peak");
    assertTrue(fromLog.pass(), fromLog::toString);
    assertEquals("104 (answered by B: 112; simulator's reading: 115)", fromLog.measured());

    Check overCap = find(UpgradeGoals.evaluate(2000, 100, 400,
        List.of(outcome("graceful", 25, 104, 104, 112, 104, 2000, 0, 0, 10, 12))), "graceful", "peak");
    assertFalse(overCap.pass(), "the arrivals decide, also when they are the higher figure");

    // a log that lacks upgrades the simulator saw (HAProxy logs a tunnel only when it closes)
    Check partial = find(UpgradeGoals.evaluate(2000, 100, 400,
        List.of(outcome("graceful", 25, 111, 111, 60, 60, 1500, 0, 0, 10, 12))), "graceful", "peak");
    assertFalse(partial.pass(), "falls back to the simulator's 111 > 110");
    assertTrue(partial.goal().contains("simulator"), partial::toString);
  }
}
