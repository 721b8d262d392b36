package io.voltgate.loadtest.upgrade;

import io.voltgate.loadtest.report.UpgradeReport.Check;
import io.voltgate.loadtest.report.UpgradeReport.Outcome;
import io.voltgate.loadtest.report.UpgradeReport.WindowStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The goals of issue 5, checked against what a run measured. Graceful: 0 refused reconnects, 0
 * lost messages, peak handshakes arriving at B ≤ migration rate + 10 %, all on B within N / rate + 10 s,
 * a peak at least 30× flatter than the plain stop's, spot-search p99 during the move ≤ 1.5× the
 * steady window's. Crash: all back within 1.3 × N / admission rate, no OutOfMemoryError, the
 * survivor ready throughout, REST p99 during the recovery ≤ 3× steady, and nothing lost. The
 * checks marked {@code ciGate} are the ones CI fails on: correctness (refused, lost), which must
 * hold however loaded the machine is. Rates and durations are benchmark results, reported and
 * not gated: one stall of a shared CI machine bunches reconnects (B's answers went 44, then 57 a
 * second around a 180 ms GC pause of B, for a pace of 50), and a timed gate would block landing
 * for noise.
 */
final class UpgradeGoals {

  private UpgradeGoals() {
  }

  static List<Check> evaluate(int n, int migrationRate, int admissionRate, List<Outcome> outcomes) {
    List<Check> checks = new ArrayList<>();
    Outcome graceful = find(outcomes, "graceful");
    Outcome plain = find(outcomes, "plain");
    Outcome crash = find(outcomes, "crash");
    if (graceful != null) {
      String m = "graceful";
      checks.add(new Check(m, "refused or failed reconnects", Long.toString(graceful.refusedDuringMove()), "0",
          graceful.refusedDuringMove() == 0, true));
      checks.add(new Check(m, "lost transaction messages", Long.toString(graceful.lost()), "0", graceful.lost() == 0, true));
      double cap = migrationRate * 1.1;
      checks.add(peakAtB(graceful, cap, migrationRate));
      double total = (double) n / migrationRate + 10;
      checks.add(new Check(m, "all on B after", fmt("%.1f s", graceful.moveSeconds()),
          fmt("≤ %.1f s (N / rate + 10 s)", total), graceful.fleetComplete() && graceful.moveSeconds() <= total, false));
      if (plain != null && graceful.peakHandshakesPerSecond() > 0) {
        double admitted = (double) plain.peakHandshakesPerSecond() / graceful.peakHandshakesPerSecond();
        double attempted = (double) plain.peakAttemptsPerSecond() / graceful.peakAttemptsPerSecond();
        checks.add(new Check(m, "flatter than plain: admitted peak ratio", fmt("%.1f× (%d / %d)", admitted,
            plain.peakHandshakesPerSecond(), graceful.peakHandshakesPerSecond()), "≥ 30×", admitted >= 30, false));
        checks.add(new Check(m, "flatter than plain: attempted peak ratio", fmt("%.1f× (%d / %d)", attempted,
            plain.peakAttemptsPerSecond(), graceful.peakAttemptsPerSecond()), "≥ 30×", attempted >= 30, false));
      }
      checks.add(p99Ratio(graceful, "search", "move", 1.5));
    }
    if (crash != null) {
      String m = "crash";
      double bound = 1.3 * n / admissionRate;
      checks.add(new Check(m, "all back (on B) after", fmt("%.1f s", crash.moveSeconds()),
          fmt("≤ %.1f s (1.3 × N / admission rate %d)", bound, admissionRate),
          crash.fleetComplete() && crash.moveSeconds() <= bound, false));
      checks.add(new Check(m, "lost transaction messages", Long.toString(crash.lost()), "0", crash.lost() == 0, true));
      checks.add(new Check(m, "no OutOfMemoryError, survivor alive", crash.oom() ? "OOM" : crash.survivorAlive()
          ? "none, alive" : "B exited", "none", !crash.oom() && crash.survivorAlive(), false));
      checks.add(new Check(m, "survivor ready throughout", crash.survivorNotReadySamples() + " of "
          + crash.survivorSamples() + " samples not ready", "0", crash.survivorNotReadySamples() == 0, false));
      checks.add(p99Ratio(crash, "station", "move", 3));
      checks.add(p99Ratio(crash, "search", "move", 3));
    }
    return checks;
  }

  /**
   * The peak of handshakes per second arriving at B: what the migrator paces. Read from HAProxy's
   * log when it holds (nearly) every upgrade the simulator saw; there, one hop from B, the
   * arrivals are apart from how fast B answered, which a stall of B bunches (44 then 57 answers
   * around one 180 ms stall, with at most 51 arrivals, in a 10,000-charger move). The answers' peak
   * and the simulator's (it runs under {@code nice} and stamps a 101 when its loop reads it) are
   * shown beside it. Without a complete balancer log, the simulator's peak decides.
   */
  private static Check peakAtB(Outcome o, double cap, int migrationRate) {
    String bound = fmt("≤ %.0f (rate %d + 10 %%)", cap, migrationRate);
    boolean logComplete = o.balancerArrivedPeak() > 0
        && o.balancerUpgradesDuringMove() >= Math.round(0.99 * o.handshakesDuringMove());
    if (logComplete) {
      return new Check(o.mode(), "peak handshakes/s arriving at B (HAProxy's log)",
          fmt("%d (answered by B: %d; simulator's reading: %d)", o.balancerArrivedPeak(), o.balancerAnsweredPeak(),
              o.peakHandshakesPerSecond()), bound, o.balancerArrivedPeak() <= cap, false);
    }
    return new Check(o.mode(), "peak admitted handshakes/s (simulator; no complete HAProxy log)",
        Long.toString(o.peakHandshakesPerSecond()), bound, o.peakHandshakesPerSecond() <= cap, false);
  }

  /** p99 (and failures) of a probe in one window against the steady window's p99. */
  private static Check p99Ratio(Outcome o, String probe, String window, double factor) {
    WindowStats steady = o.probe(probe, "steady");
    WindowStats during = o.probe(probe, window);
    if (steady == null || during == null || steady.ok() == 0) {
      return new Check(o.mode(), probe + " p99 " + window + " / steady", "not measured", fmt("≤ %.1f×", factor), false,
          false);
    }
    double ratio = during.p99Ms() / steady.p99Ms();
    boolean pass = ratio <= factor && during.failed() == 0;
    return new Check(o.mode(), probe + " p99 " + window + " / steady", fmt("%.1f / %.1f ms = %.2f×%s", during.p99Ms(),
        steady.p99Ms(), ratio, during.failed() == 0 ? "" : ", " + during.failed() + " failed"), fmt("≤ %.1f×, 0 failed", factor),
        pass, false);
  }

  private static Outcome find(List<Outcome> outcomes, String mode) {
    return outcomes.stream().filter(o -> o.mode().equals(mode)).findFirst().orElse(null);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
