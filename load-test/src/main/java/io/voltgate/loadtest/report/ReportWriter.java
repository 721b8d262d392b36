package io.voltgate.loadtest.report;

import io.voltgate.loadtest.fleet.FleetOptions;
import io.voltgate.loadtest.fleet.StationRegistrar;
import io.voltgate.loadtest.metrics.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a run's report to {@code <report-dir>/<run>/}: {@code summary.json} (the figures a
 * benchmark table needs, plus every counter), {@code sessions.svg}, {@code handshakes.svg},
 * {@code latency.svg}, {@code reconnect.svg} (storms), and {@code report.md} / {@code index.html}
 * linking them.
 */
public final class ReportWriter {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final FleetOptions options;
  private final RunResult result;
  private final StationRegistrar.Outcome registration;

  public ReportWriter(FleetOptions options, RunResult result, StationRegistrar.Outcome registration) {
    this.options = options;
    this.result = result;
    this.registration = registration;
  }

  public Path write() throws IOException {
    Path dir = options.reportDir().resolve(options.runName());
    Files.createDirectories(dir);
    ObjectNode summary = summary();
    Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(summary));
    long t0 = startSecond();
    List<SvgChart.Marker> markers = markers(t0);
    Files.writeString(dir.resolve("sessions.svg"), SvgChart.lines("Connected sessions", "seconds since start",
        "sessions", List.of(series("connected", result.gauge("connected"), t0),
            series("boot accepted", result.gauge("accepted"), t0)), markers));
    Files.writeString(dir.resolve("handshakes.svg"), SvgChart.lines("Handshakes per second by answer",
        "seconds since start", "handshakes / s", List.of(series("101", result.rate("handshake.101"), t0),
            series("503", result.rate("handshake.503"), t0), series("other", result.rate("handshake.other"), t0),
            series("drops", result.rate("drops"), t0)), markers));
    String chartPhase = result.histograms().keySet().stream().anyMatch(n -> n.startsWith("steady:call."))
        ? "steady" : null;
    List<String> names = latencyNames(chartPhase);
    double[][] values = new double[names.size()][3];
    for (int i = 0; i < names.size(); i++) {
      Histogram h = result.histogram(names.get(i));
      values[i] = new double[] {ms(h, 50), ms(h, 90), ms(h, 99)};
    }
    Files.writeString(dir.resolve("latency.svg"), SvgChart.bars("Latency percentiles, CALL to CALLRESULT"
        + (chartPhase == null ? " (whole run)" : " (steady phase: after the whole fleet had booted)"),
        "milliseconds", names.stream().map(ReportWriter::label).toList(),
        List.of("p50", "p90", "p99"), values));
    boolean storm = result.histogram("reconnect").getTotalCount() > 0;
    if (storm) {
      Files.writeString(dir.resolve("reconnect.svg"), SvgChart.lines("Time to reconnect after the drop, per charger",
          "percentile of chargers", "milliseconds", List.of(distribution("reconnect"), distribution("connect")),
          List.of()));
    }
    Files.writeString(dir.resolve("report.md"), markdown(summary, storm));
    Files.writeString(dir.resolve("index.html"), html(dir, storm));
    return dir;
  }

  // ------------------------------------------------------------------ summary.json

  ObjectNode summary() {
    ObjectNode s = JSON.createObjectNode();
    s.put("run", options.runName());
    s.put("scenario", options.scenario().name().toLowerCase(Locale.ROOT));
    s.put("startedAt", Instant.ofEpochMilli(result.marks().getOrDefault("start", 0L)).toString());
    ObjectNode o = s.putObject("options");
    o.put("chargers", options.chargers());
    o.put("urls", String.join(",", options.urls().stream().map(Object::toString).toList()));
    o.put("processes", options.processCount());
    o.put("connectRatePerSecond", options.connectRate());
    o.put("reconnect", options.profile().reconnect().toString());
    o.put("honourRetryAfter", options.profile().honourRetryAfter());
    o.put("heartbeatSeconds", options.profile().heartbeatOverride() == null ? "server's interval"
        : Long.toString(options.profile().heartbeatOverride().toSeconds()));
    o.put("meterIntervalSeconds", options.profile().meterInterval().toMillis() / 1000.0);
    o.put("transactionsPerConnectorHour", options.profile().transactionsPerHour());
    o.put("steadySeconds", options.duration().toMillis() / 1000.0);
    o.put("restartCommand", options.restartCommand());
    if (registration != null) {
      ObjectNode r = s.putObject("registration");
      r.put("registered", registration.registered());
      r.put("failed", registration.failed());
      r.put("seconds", registration.took().toMillis() / 1000.0);
    }
    ObjectNode sessions = s.putObject("sessions");
    sessions.put("peakConnected", max(result.gauge("connected")));
    sessions.put("bootAccepted", max(result.gauge("accepted")));
    sessions.put("bootSeconds", seconds("start", "booted"));
    Long start = result.marks().get("start");
    Long booted = result.marks().get("booted");
    if (start != null && booted != null && booted > start) {
      // the whole fleet's boots per second, first connect to last accepted boot
      sessions.put("meanBootsPerSecond", Math.round(options.chargers() * 10_000.0 / (booted - start)) / 10.0);
    }
    o.put("inFlight", options.inFlight());
    ObjectNode handshakes = s.putObject("handshakes");
    handshakes.put("101", result.counter("handshake.101"));
    handshakes.put("503", result.counter("handshake.503"));
    handshakes.put("other", result.counter("handshake.other"));
    handshakes.put("peak101PerSecond", max(result.rate("handshake.101")));
    handshakes.put("peak503PerSecond", max(result.rate("handshake.503")));
    ObjectNode boot = s.putObject("bootNotification");
    for (String status : List.of("Accepted", "Pending", "Rejected")) {
      boot.put(status, result.counter("boot." + status));
    }
    ObjectNode tx = s.putObject("transactionMessages");
    for (String k : List.of("generated", "acknowledged", "queued", "resent", "errored", "abandoned", "lost")) {
      tx.put(k, result.counter("tx." + k));
    }
    latencies(s.putObject("latencyMs"), null);
    ObjectNode byPhase = s.putObject("latencyMsByPhase");
    for (String phase : List.of("boot", "steady", "storm", "drain")) {
      if (!latencyNames(phase).isEmpty()) {
        latencies(byPhase.putObject(phase), phase);
      }
    }
    if (options.scenario() == FleetOptions.Scenario.STORM) {
      ObjectNode storm = s.putObject("storm");
      String cut = result.marks().containsKey("cut") ? "cut" : "firstDrop";
      storm.put("drops", result.counter("drops"));
      storm.put("reconnected", result.counter("reconnected"));
      storm.put("allReconnectedSeconds", seconds(cut, "recovered"));
      storm.put("fromFirstAcceptSeconds", seconds("firstAcceptAfterCut", "recovered"));
      Histogram r = result.histogram("reconnect");
      storm.put("reconnectP50Ms", ms(r, 50));
      storm.put("reconnectP99Ms", ms(r, 99));
      storm.put("reconnectMaxMs", r.getMaxValue() / 1000.0);
    }
    ObjectNode problems = s.putObject("problems");
    result.counters().forEach((k, v) -> {
      if (k.startsWith("call.error.") || k.startsWith("call.timeout.") || k.startsWith("scenario.")
          || k.startsWith("handshake.status.") || k.startsWith("handshake.connectFailed.")
          || k.equals("handshake.timeout") || k.startsWith("incoming.")) {
        problems.put(k, v);
      }
    });
    ObjectNode counters = s.putObject("counters");
    result.counters().forEach(counters::put);
    return s;
  }

  private void latencies(ObjectNode into, String phase) {
    for (String name : latencyNames(phase)) {
      Histogram h = result.histogram(name);
      ObjectNode l = into.putObject(label(name));
      l.put("count", h.getTotalCount());
      l.put("p50", ms(h, 50));
      l.put("p90", ms(h, 90));
      l.put("p99", ms(h, 99));
      l.put("max", h.getMaxValue() / 1000.0);
    }
  }

  /** Histogram names of the whole run (phase null) or of one phase, connect-type ones first. */
  private List<String> latencyNames(String phase) {
    String prefix = phase == null ? "" : phase + ":";
    List<String> names = new ArrayList<>();
    for (String n : List.of("connect", "reconnect", "boot")) {
      if (result.histograms().containsKey(prefix + n)) {
        names.add(prefix + n);
      }
    }
    new TreeSet<>(result.histograms().keySet()).stream().filter(n -> n.startsWith(prefix + "call.")).forEach(names::add);
    return names;
  }

  private static String label(String histogramName) {
    String n = histogramName.substring(histogramName.indexOf(':') + 1);
    return n.startsWith("call.") ? n.substring(5) : n;
  }

  private double seconds(String fromMark, String toMark) {
    Long a = result.marks().get(fromMark);
    Long b = result.marks().get(toMark);
    return a == null || b == null ? -1 : (b - a) / 1000.0;
  }

  private static long max(Map<Long, Long> series) {
    return series.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }

  // ------------------------------------------------------------------ charts

  private long startSecond() {
    Long start = result.marks().get("start");
    return start != null ? start / 1000 : result.gauge("connected").keySet().stream().min(Long::compare).orElse(0L);
  }

  private List<SvgChart.Marker> markers(long t0) {
    List<SvgChart.Marker> markers = new ArrayList<>();
    for (String m : List.of("booted", "cut", "recovered", "stopGenerating")) {
      Long at = result.marks().get(m);
      if (at != null) {
        markers.add(new SvgChart.Marker(m, at / 1000.0 - t0));
      }
    }
    return markers;
  }

  /** A per-second series with the missing seconds as zero (rates) between its first and last. */
  private static SvgChart.Series series(String name, Map<Long, Long> data, long t0) {
    if (data.isEmpty()) {
      return new SvgChart.Series(name, new double[0], new double[0]);
    }
    long first = data.keySet().stream().min(Long::compare).orElseThrow();
    long last = data.keySet().stream().max(Long::compare).orElseThrow();
    int n = (int) (last - first + 1);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = first + i - t0;
      y[i] = data.getOrDefault(first + i, 0L);
    }
    return new SvgChart.Series(name, x, y);
  }

  private SvgChart.Series distribution(String name) {
    Histogram h = result.histogram(name);
    double[] x = new double[101];
    double[] y = new double[101];
    for (int p = 0; p <= 100; p++) {
      x[p] = p;
      y[p] = h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p) / 1000.0;
    }
    return new SvgChart.Series(name, x, y);
  }

  // ------------------------------------------------------------------ report.md / index.html

  private String markdown(ObjectNode summary, boolean storm) {
    StringBuilder md = new StringBuilder();
    md.append("# Fleet run ").append(options.runName()).append("\n\n");
    md.append("Scenario **").append(summary.path("scenario").asString()).append("**, ")
        .append(options.chargers()).append(" chargers against ").append(summary.path("options").path("urls").asString())
        .append(", ").append(options.processCount()).append(" simulator process(es), reconnect policy `")
        .append(options.profile().reconnect()).append("`. Started ").append(summary.path("startedAt").asString())
        .append(". Client and server share this machine's cores; see the benchmark notes.\n\n");
    md.append("| figure | value |\n|---|---|\n");
    row(md, "peak connected sessions", summary.path("sessions").path("peakConnected").asString());
    row(md, "boots accepted (chargers)", summary.path("sessions").path("bootAccepted").asString());
    row(md, "whole fleet booted after (s)", summary.path("sessions").path("bootSeconds").asString());
    row(md, "mean boots/s, first connect to last boot", summary.path("sessions").path("meanBootsPerSecond").asString());
    row(md, "handshakes 101 / 503 / other", summary.path("handshakes").path("101").asString() + " / "
        + summary.path("handshakes").path("503").asString() + " / " + summary.path("handshakes").path("other").asString());
    row(md, "peak handshakes/s (101)", summary.path("handshakes").path("peak101PerSecond").asString());
    ObjectNode tx = (ObjectNode) summary.path("transactionMessages");
    row(md, "tx messages generated / acked / queued / re-sent / lost", tx.path("generated").asString() + " / "
        + tx.path("acknowledged").asString() + " / " + tx.path("queued").asString() + " / "
        + tx.path("resent").asString() + " / " + tx.path("lost").asString());
    if (summary.has("storm")) {
      row(md, "all reconnected after the cut (s)", summary.path("storm").path("allReconnectedSeconds").asString());
      row(md, "all reconnected after the first accept after the cut (s)",
          summary.path("storm").path("fromFirstAcceptSeconds").asString());
      row(md, "reconnect time p50 / p99 / max (ms)", summary.path("storm").path("reconnectP50Ms").asString() + " / "
          + summary.path("storm").path("reconnectP99Ms").asString() + " / "
          + summary.path("storm").path("reconnectMaxMs").asString());
    }
    md.append("\n## Latency (ms), whole run\n\n");
    latencyTable(md, summary.path("latencyMs"));
    summary.path("latencyMsByPhase").properties().forEach(p -> {
      md.append("\n### Phase `").append(p.getKey()).append("`\n\n");
      latencyTable(md, p.getValue());
    });
    md.append("\n## Problems seen\n\n");
    if (summary.path("problems").isEmpty()) {
      md.append("None: no CALLERROR, no timeout, no refused or failed handshake.\n");
    } else {
      summary.path("problems").properties().forEach(e -> md.append("- `").append(e.getKey()).append("`: ")
          .append(e.getValue().asString()).append('\n'));
    }
    md.append("\n## Charts\n\n![connected sessions](sessions.svg)\n\n![handshakes per second](handshakes.svg)\n\n"
        + "![latency percentiles](latency.svg)\n");
    if (storm) {
      md.append("\n![reconnect time](reconnect.svg)\n");
    }
    md.append("\nAll figures and counters: [summary.json](summary.json).\n");
    return md.toString();
  }

  private static void latencyTable(StringBuilder md, tools.jackson.databind.JsonNode table) {
    md.append("| what | count | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
    table.properties().forEach(e -> md.append("| ").append(e.getKey()).append(" | ")
        .append(e.getValue().path("count").asString()).append(" | ").append(e.getValue().path("p50").asString())
        .append(" | ").append(e.getValue().path("p90").asString()).append(" | ")
        .append(e.getValue().path("p99").asString()).append(" | ").append(e.getValue().path("max").asString())
        .append(" |\n"));
  }

  private static void row(StringBuilder md, String k, String v) {
    md.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  private String html(Path dir, boolean storm) {
    StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset='utf-8'><title>")
        .append(options.runName()).append("</title></head><body style='font-family:sans-serif'><h1>Fleet run ")
        .append(options.runName()).append("</h1><p><a href='report.md'>report.md</a> · <a href='summary.json'>"
            + "summary.json</a></p>");
    for (String chart : storm ? List.of("sessions", "handshakes", "latency", "reconnect")
        : List.of("sessions", "handshakes", "latency")) {
      h.append("<p><img src='").append(chart).append(".svg' alt='").append(chart).append("'></p>");
    }
    return h.append("</body></html>\n").toString();
  }
}
