package io.voltgate.loadtest.report;

import io.voltgate.loadtest.metrics.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an upgrade run (graceful, plain or crash) showed, as JSON, SVG and a comparison table:
 * the move's duration, the handshake peak at the survivor, refused reconnects, lost transaction
 * messages and spot-search latency before and during the move.
 */
public final class UpgradeReport {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private UpgradeReport() {
  }

  /**
   * Sessions held by A and B at one moment (ms since the start; -1 = not answering) and their
   * /health/ready status (-1 = no answer).
   */
  public record Sample(long atMillis, long a, long b, int aStatus, int bStatus) {}

  /** One probe (search, station) in one window of the run (boot, settle, steady, B starting, move, after). */
  public record WindowStats(String probe, String window, double seconds, long sent, long ok, Map<String, Long> failures,
      double p50Ms, double p99Ms, double maxMs) {
    public long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** One goal of the issue for one mode: what was measured against which bound. */
  public record Check(String mode, String goal, String measured, String bound, boolean pass, boolean ciGate) {}

  /**
   * One mode's figures. The peaks are the highest per-second bin of the chargers' handshakes from
   * the stop until 5 s after all were on B: admitted (101) and attempted (every answer or failure),
   * as the simulator saw them; and B's upgrades as HAProxy's log shows them: the peaks of requests
   * that reached B and of B's 101s passing back, and how many (-1, -1 and 0 when no balancer log
   * was read).
   */
  public record Outcome(String mode, int chargers, double moveSeconds, double aExitSeconds, long peakHandshakesPerSecond,
      long peakAttemptsPerSecond, long balancerArrivedPeak, long balancerAnsweredPeak, long balancerUpgradesDuringMove,
      long handshakesDuringMove, long refusedDuringMove, long lost, long queued, long resent, long callTimeouts, double reconnectP50Ms, double reconnectP99Ms, List<WindowStats> probes,
      long survivorNotReadySamples, long survivorSamples, boolean oom, boolean survivorAlive, boolean fleetComplete,
      Path dir) {

    public WindowStats probe(String probe, String window) {
      return probes.stream().filter(w -> w.probe().equals(probe) && w.window().equals(window)).findFirst().orElse(null);
    }
  }

  public static Outcome outcome(Path dir, String mode, int chargers, RunResult r, List<Sample> samples, long t0,
      long stopAt, long allOnBAt, long aExitAt, boolean complete, List<WindowStats> probes, long survivorNotReady,
      long survivorSamples, boolean oom, boolean survivorAlive, Map<Long, Long> arrivedAtB, Map<Long, Long> answeredByB)
      throws IOException {
    long from = stopAt / 1000;
    long to = (allOnBAt > 0 ? allOnBAt : stopAt) / 1000 + 5;
    long peak = peakIn(r.rate("handshake.101"), from, to);
    long accepted = sumIn(r.rate("handshake.101"), from, to);
    Map<Long, Long> attempts = new java.util.TreeMap<>();
    for (String outcome : List.of("101", "503", "other")) {
      r.rate("handshake." + outcome).forEach((second, n) -> attempts.merge(second, n, Long::sum));
    }
    long peakAttempts = peakIn(attempts, from, to);
    long refused = sumIn(r.rate("handshake.503"), from, to) + sumIn(r.rate("handshake.other"), from, to);
    long atBalancer = sumIn(answeredByB, from, to);
    long arrivedPeak = atBalancer == 0 ? -1 : peakIn(arrivedAtB, from, to);
    long answeredPeak = atBalancer == 0 ? -1 : peakIn(answeredByB, from, to);
    Histogram reconnect = r.histogram("reconnect");
    Outcome o = new Outcome(mode, chargers, (allOnBAt - stopAt) / 1000.0, (aExitAt - stopAt) / 1000.0, peak,
        peakAttempts, arrivedPeak, answeredPeak, atBalancer, accepted, refused, r.counter("tx.lost"),
        r.counter("tx.queued"), r.counter("tx.resent"), r.counterSum("call.timeout."), ms(reconnect, 50),
        ms(reconnect, 99), probes, survivorNotReady, survivorSamples, oom, survivorAlive, complete, dir);

    Files.writeString(dir.resolve("upgrade.json"), JSON.writeValueAsString(toJson(o)));
    Files.writeString(dir.resolve("sessions.svg"), sessionsChart(mode, samples, t0, stopAt, allOnBAt));
    Files.writeString(dir.resolve("handshakes.svg"), handshakeChart(mode, r, answeredByB, t0, stopAt));
    return o;
  }

  public static Path writeComparison(Path dir, int chargers, int migrationRate, int admissionRate, String serverJvmArgs,
      List<Outcome> outcomes, List<Check> checks) throws IOException {
    ArrayNode all = JSON.createArrayNode();
    outcomes.forEach(o -> all.add(toJson(o)));
    Files.writeString(dir.resolve("upgrade.json"), JSON.writeValueAsString(all));
    StringBuilder md = new StringBuilder();
    md.append("# Upgrade scenario: ").append(chargers).append(" chargers\n\n")
        .append("HAProxy → A (then B), MariaDB; migration rate ").append(migrationRate)
        .append("/s, admission rate ").append(admissionRate).append("/s; instances' JVM_ARGS `")
        .append(serverJvmArgs).append("`.\n\n")
        .append("| mode | all on B after (s) | A exited after (s) | peak admitted / attempted handshakes/s "
            + "| peak upgrades/s at B, arrived / answered (HAProxy) | refused/failed "
            + "| lost | queued / re-sent | call timeouts | reconnect p50 / p99 (ms) | B not ready (samples) |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Outcome o : outcomes) {
      md.append(String.format(Locale.ROOT, "| %s%s | %.1f | %.1f | %d / %d | %s | %d | %d | %d / %d | %d | %.0f / %.0f | %d of %d |%n",
          o.mode(), o.fleetComplete() ? "" : " (incomplete)", o.moveSeconds(), o.aExitSeconds(), o.peakHandshakesPerSecond(),
          o.peakAttemptsPerSecond(), o.balancerAnsweredPeak() < 0 ? "not read"
              : o.balancerArrivedPeak() + " / " + o.balancerAnsweredPeak(),
          o.refusedDuringMove(), o.lost(), o.queued(), o.resent(), o.callTimeouts(),
          o.reconnectP50Ms(), o.reconnectP99Ms(), o.survivorNotReadySamples(), o.survivorSamples()));
    }
    md.append("\nREST through HAProxy per window (search: public spot search; station: admin GET of one station; "
        + "each at a fixed rate, sent / s). "
        + "A request belongs to the window it was sent in; failed = not 200 within 10 s.\n\n")
        .append("| mode | probe | window | s | sent | p50 (ms) | p99 (ms) | max (ms) | failed |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (Outcome o : outcomes) {
      for (WindowStats w : o.probes()) {
        if (w.sent() == 0) {
          continue;
        }
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %d | %.1f | %.1f | %.1f | %s |%n", o.mode(), w.probe(),
            w.window(), w.seconds(), w.sent(), w.p50Ms(), w.p99Ms(), w.maxMs(),
            w.failed() == 0 ? "0" : w.failed() + " " + w.failures()));
      }
    }
    if (!checks.isEmpty()) {
      md.append("\nGoals (CI: checked by `--check`, the run fails when one is broken):\n\n")
          .append("| mode | goal | measured | bound | result |\n|---|---|---|---|---|\n");
      for (Check c : checks) {
        md.append(String.format(Locale.ROOT, "| %s | %s%s | %s | %s | %s |%n", c.mode(), c.goal(), c.ciGate() ? " (CI)" : "",
            c.measured(), c.bound(), c.pass() ? "pass" : "**FAIL**"));
      }
    }
    md.append("\nPer mode: `<mode>/sessions.svg` (sessions per instance), `<mode>/handshakes.svg`, "
        + "`<mode>/fleet/` (the simulator's own report), `<mode>/logs-a|b/`, `<mode>/haproxy*.log`.\n");
    Path file = dir.resolve("upgrade.md");
    Files.writeString(file, md.toString());
    return file;
  }

  private static ObjectNode toJson(Outcome o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("mode", o.mode());
    n.put("chargers", o.chargers());
    n.put("allOnSuccessorAfterSeconds", o.moveSeconds());
    n.put("oldInstanceExitedAfterSeconds", o.aExitSeconds());
    n.put("peakHandshakesPerSecond", o.peakHandshakesPerSecond());
    n.put("handshakesDuringMove", o.handshakesDuringMove());
    n.put("refusedOrFailedDuringMove", o.refusedDuringMove());
    n.put("lostTransactionMessages", o.lost());
    n.put("queued", o.queued());
    n.put("resent", o.resent());
    n.put("callTimeouts", o.callTimeouts());
    n.put("reconnectP50Ms", o.reconnectP50Ms());
    n.put("reconnectP99Ms", o.reconnectP99Ms());
    n.put("peakAttemptsPerSecond", o.peakAttemptsPerSecond());
    n.put("balancerPeakArrivedPerSecond", o.balancerArrivedPeak());
    n.put("balancerPeakAnsweredPerSecond", o.balancerAnsweredPeak());
    n.put("balancerUpgradesDuringMove", o.balancerUpgradesDuringMove());
    n.put("survivorNotReadySamples", o.survivorNotReadySamples());
    n.put("survivorSamples", o.survivorSamples());
    n.put("outOfMemory", o.oom());
    n.put("survivorAlive", o.survivorAlive());
    n.put("fleetComplete", o.fleetComplete());
    ArrayNode windows = n.putArray("probes");
    for (WindowStats w : o.probes()) {
      ObjectNode x = windows.addObject();
      x.put("probe", w.probe());
      x.put("window", w.window());
      x.put("seconds", w.seconds());
      x.put("sent", w.sent());
      x.put("ok", w.ok());
      x.put("p50Ms", w.p50Ms());
      x.put("p99Ms", w.p99Ms());
      x.put("maxMs", w.maxMs());
      ObjectNode f = x.putObject("failures");
      w.failures().forEach(f::put);
    }
    return n;
  }

  private static String sessionsChart(String mode, List<Sample> samples, long t0, long stopAt, long allOnBAt) {
    int n = samples.size();
    double[] x = new double[n];
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      Sample s = samples.get(i);
      x[i] = s.atMillis() / 1000.0;
      a[i] = Math.max(0, s.a());
      b[i] = Math.max(0, s.b());
    }
    List<SvgChart.Marker> markers = new ArrayList<>();
    markers.add(new SvgChart.Marker("stop A", (stopAt - t0) / 1000.0));
    if (allOnBAt > 0) {
      markers.add(new SvgChart.Marker("all on B", (allOnBAt - t0) / 1000.0));
    }
    return SvgChart.lines("Sessions per instance (" + mode + ")", "seconds", "sessions",
        List.of(new SvgChart.Series("A", x, a), new SvgChart.Series("B", x, b)), markers);
  }

  private static String handshakeChart(String mode, RunResult r, Map<Long, Long> balancerUpgrades, long t0,
      long stopAt) {
    Map<String, Map<Long, Long>> rates = new java.util.LinkedHashMap<>();
    for (String outcome : List.of("101", "503", "other")) {
      rates.put(outcome, r.rate("handshake." + outcome));
    }
    rates.put("101 at HAProxy", balancerUpgrades);
    List<SvgChart.Series> series = new ArrayList<>();
    for (Map.Entry<String, Map<Long, Long>> named : rates.entrySet()) {
      String outcome = named.getKey();
      Map<Long, Long> rate = named.getValue();
      if (rate.isEmpty()) {
        continue;
      }
      List<Long> seconds = new ArrayList<>(new java.util.TreeSet<>(rate.keySet()));
      double[] x = new double[seconds.size()];
      double[] y = new double[seconds.size()];
      for (int i = 0; i < seconds.size(); i++) {
        x[i] = seconds.get(i) - t0 / 1000.0;
        y[i] = rate.get(seconds.get(i));
      }
      series.add(new SvgChart.Series(outcome, x, y));
    }
    return SvgChart.lines("Handshakes per second (" + mode + ")", "seconds", "handshakes/s", series,
        List.of(new SvgChart.Marker("stop A", (stopAt - t0) / 1000.0)));
  }

  private static long peakIn(Map<Long, Long> rate, long from, long to) {
    return rate.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to).mapToLong(Map.Entry::getValue)
        .max().orElse(0);
  }

  private static long sumIn(Map<Long, Long> rate, long from, long to) {
    return rate.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to).mapToLong(Map.Entry::getValue).sum();
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }
}
