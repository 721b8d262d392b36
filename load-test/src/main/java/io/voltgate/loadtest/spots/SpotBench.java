package io.voltgate.loadtest.spots;

import io.voltgate.loadtest.spots.QueryMix.Query;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar voltgate-load-test.jar spot-bench [options]}: the measuring half of the
 * spot-search benchmark (issue 4); {@code load-test/scripts/spot-bench.sh} starts the servers
 * and the fleet around it. For each round it runs three phases back to back, each with the
 * same number of closed-loop clients for the same time: the fixed {@link QueryMix} against the
 * indexed server, {@code /health/live} of the indexed server (the HTTP floor), and the same mix
 * against the naive server. Latencies (request start to last byte of the body) go into
 * HdrHistograms; a request that starts inside the measured window is recorded when it ends, so
 * a saturated naive server shows its queueing in full. The status-update rate that arrived
 * meanwhile is read from the history table's ids. Writes {@code result.json} and
 * {@code report.md}.
 */
public final class SpotBench {

  public static final String USAGE = """
      usage: voltgate-load-test spot-bench [options]
        --indexed URL            indexed server (default http://127.0.0.1:49180)
        --naive URL              naive server (default http://127.0.0.1:49280)
        --db-url JDBC_URL        the benchmark database, to measure the status-update rate
        --db-user U --db-password P   (default root / empty)
        --clients N              concurrent clients per phase (default 64)
        --seconds S              measured time per phase (default 20)
        --warmup S               unmeasured time before each phase (default 5)
        --rounds N               repeat the three phases N times; medians are reported (default 3)
        --timeout S              a request without an answer after S counts as failed (default 60)
        --cooldown S             pause after each naive phase but the last (default 15)
        --prewarm S              closed-loop, unmeasured load on the indexed server before round 1 (default 15)
        --rate R                 paced instead of closed-loop: R requests/s in total, spread evenly
                                 over the clients; latency counts from each request's scheduled
                                 start (no coordinated omission), so a server that falls behind
                                 shows its backlog (default 0: closed loop, as fast as answered)
        --seed N                 query-mix seed (default 1)
        --report-dir DIR         (default load-test/target/reports or target/reports)
        --note TEXT              written into the report (e.g. what else ran on the machine)
      """;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long MAX_NANOS = 600_000_000_000L;

  /** The measurements of one phase. */
  record Phase(String target, int round, Histogram all, Map<String, Histogram> byKind, long errors, double seconds,
      double statusesPerSecond) {
    double throughput() {
      return all.getTotalCount() / seconds;
    }
  }

  private final Map<String, String> o;
  private final PrintStream log;
  private double rate;

  SpotBench(Map<String, String> options, PrintStream log) {
    this.o = options;
    this.log = log;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = Options.parse(args, Set.of("indexed", "naive", "db-url", "db-user", "db-password", "clients",
        "seconds", "warmup", "rounds", "timeout", "seed", "report-dir", "note", "rate", "prewarm", "cooldown"), Set.of(), USAGE);
    new SpotBench(o, System.out).run();
  }

  Path run() throws Exception {
    // HttpURLConnection keeps at most http.maxConnections idle connections per host (5 by
    // default): with more clients than that every request would open a new TCP connection.
    System.setProperty("http.maxConnections", "512");
    String indexed = o.getOrDefault("indexed", "http://127.0.0.1:49180");
    String naive = o.getOrDefault("naive", "http://127.0.0.1:49280");
    int clients = Integer.parseInt(o.getOrDefault("clients", "64"));
    double seconds = Double.parseDouble(o.getOrDefault("seconds", "20"));
    double warmup = Double.parseDouble(o.getOrDefault("warmup", "5"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    int timeoutMs = (int) (Double.parseDouble(o.getOrDefault("timeout", "60")) * 1000);
    rate = Double.parseDouble(o.getOrDefault("rate", "0"));
    List<Query> mix = QueryMix.generate(Long.parseLong(o.getOrDefault("seed", "1")), 2000);
    List<Query> live = List.of(new Query("live", "/health/live"));

    String check = compare(indexed, naive, mix.subList(0, 24), timeoutMs);
    log.println(check);
    // The first measured phase of a run was always the slowest (JIT, the fleet's boot burst
    // still being indexed): warm both servers up, closed-loop and unrecorded, before round 1.
    double prewarm = Double.parseDouble(o.getOrDefault("prewarm", "15"));
    double cooldown = Double.parseDouble(o.getOrDefault("cooldown", "15"));
    if (prewarm > 0) {
      double paced = rate;
      rate = 0;
      phase("prewarm-indexed", 0, indexed, mix, clients, prewarm, 0, timeoutMs);
      phase("prewarm-live", 0, indexed, live, clients, prewarm, 0, timeoutMs);
      rate = paced;
    }
    List<Phase> phases = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      phases.add(phase("indexed", round, indexed, mix, clients, warmup, seconds, timeoutMs));
      phases.add(phase("live", round, indexed, live, clients, warmup, seconds, timeoutMs));
      phases.add(phase("naive", round, naive, mix, clients, warmup, seconds, timeoutMs));
      if (round < rounds) {
        // The naive phase loads the shared database, so the fleet's status writes through the
        // indexed server fall behind and catch up afterwards (run 6: 176/s during it, 395/s in
        // the next indexed phase). Let that settle before the next round is measured.
        Thread.sleep((long) (cooldown * 1000));
      }
    }
    return report(phases, mix, clients, seconds, warmup, rounds, check);
  }

  /** Runs the same searches once against both servers and compares which spots they return. */
  private String compare(String indexed, String naive, List<Query> sample, int timeoutMs) {
    int same = 0;
    int compared = 0;
    List<String> differing = new ArrayList<>();
    for (Query q : sample) {
      if (q.path().contains("available=true")) {
        continue; // availability moves with the fleet between the two calls
      }
      try {
        String a = spotIds(get(indexed + q.path(), timeoutMs));
        String b = spotIds(get(naive + q.path(), timeoutMs));
        compared++;
        if (a.equals(b)) {
          same++;
        } else if (differing.size() < 3) {
          differing.add(q.path());
        }
      } catch (IOException e) {
        differing.add(q.path() + " (" + e.getMessage() + ")");
      }
    }
    return "answer check: " + same + " of " + compared + " searches without the availability filter returned the same"
        + " spots with the same connector totals from both servers" + (differing.isEmpty() ? "" : "; differing: " + differing);
  }

  private static String spotIds(String body) {
    StringBuilder b = new StringBuilder();
    JSON.readTree(body).path("spots").forEach(s ->
        b.append(s.path("spotId").asString()).append(':').append(s.path("connectors").path("total").asInt()).append(' '));
    return b.toString();
  }

  private static String get(String url, int timeoutMs) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(timeoutMs);
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (status != 200) {
        throw new IOException("HTTP " + status + " " + url);
      }
      return body;
    }
  }

  private Phase phase(String target, int round, String base, List<Query> mix, int clients, double warmup, double seconds,
      int timeoutMs) throws InterruptedException {
    log.printf("round %d: %s, %d clients%s, %.0f s warm-up + %.0f s%n", round, target, clients,
        rate > 0 ? String.format(Locale.ROOT, " paced at %.0f requests/s in total", rate) : " closed-loop", warmup, seconds);
    Histogram all = new Histogram(MAX_NANOS, 3);
    Map<String, Histogram> byKind = new ConcurrentHashMap<>();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmup * 1e9);
    long stopAt = measureFrom + (long) (seconds * 1e9);
    long historyBefore = -1;
    CountDownLatch done = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int offset = i * mix.size() / clients;
      Thread t = new Thread(() -> {
        // counted down whatever happens, so a failing client cannot hang the phase
        try {
          Histogram mine = new Histogram(MAX_NANOS, 3);
          Map<String, Histogram> mineByKind = new LinkedHashMap<>();
          long myErrors = 0;
          byte[] buffer = new byte[64 * 1024];
          // Paced: client i's k-th request is due at start + (k + i / clients) * interval.
          long interval = rate > 0 ? (long) (1e9 * clients / rate) : 0;
          long due = start + (rate > 0 ? interval * offset / Math.max(1, mix.size()) : 0);
          for (int n = offset; ; n++) {
            long t0;
            if (rate > 0) {
              // parkNanos may return early; a request must never leave before it is due
              for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
              }
              t0 = due;
              due += interval;
            } else {
              t0 = System.nanoTime();
            }
            if (t0 >= stopAt) {
              break;
            }
            if (rate > 0 && System.nanoTime() >= stopAt) {
              // Still behind schedule at the end: the requests due in the window but never sent
              // count as failed (they would have waited past the end).
              for (long d = Math.max(t0, measureFrom); d < stopAt; d += interval) {
                myErrors++;
              }
              break;
            }
            Query q = mix.get(n % mix.size());
            boolean ok = request(base + q.path(), timeoutMs, buffer);
            long t1 = System.nanoTime();
            if (t0 >= measureFrom) {
              if (ok) {
                long nanos = Math.max(0, Math.min(t1 - t0, MAX_NANOS));
                mine.recordValue(nanos);
                mineByKind.computeIfAbsent(q.kind(), k -> new Histogram(MAX_NANOS, 3)).recordValue(nanos);
              } else {
                myErrors++;
              }
            }
          }
          synchronized (all) {
            all.add(mine);
            mineByKind.forEach((k, h) -> byKind.computeIfAbsent(k, x -> new Histogram(MAX_NANOS, 3)).add(h));
          }
          errors.addAndGet(myErrors);
        } catch (RuntimeException e) {
          log.println("client failed: " + e);
          errors.incrementAndGet();
        } finally {
          done.countDown();
        }
      }, "spot-bench-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
    historyBefore = maxHistoryId();
    Thread.sleep(Math.max(0, (stopAt - System.nanoTime()) / 1_000_000));
    long historyAfter = maxHistoryId();
    double measured = (System.nanoTime() - measureFrom) / 1e9;
    double statusRate = historyBefore < 0 || historyAfter < 0 ? -1 : (historyAfter - historyBefore) / measured;
    done.await();
    double window = seconds;
    Phase p = new Phase(target, round, all, new java.util.TreeMap<>(byKind), errors.get(), window, statusRate);
    log.printf("  %s: %d ok, %d failed, %.0f/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.0f ms; %.0f status updates/s%n",
        target, all.getTotalCount(), p.errors(), p.throughput(), ms(all, 50), ms(all, 90), ms(all, 99),
        all.getMaxValue() / 1e6, statusRate);
    return p;
  }

  /** One GET, body read to the end so the connection is kept alive; false on anything but 200. */
  private static boolean request(String url, int timeoutMs, byte[] buffer) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(10_000);
      c.setReadTimeout(timeoutMs);
      int status = c.getResponseCode();
      try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (in != null) {
          while (in.read(buffer) >= 0) {
            // drain
          }
        }
      }
      return status == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private long maxHistoryId() {
    if (!o.containsKey("db-url")) {
      return -1;
    }
    try (Connection c = DriverManager.getConnection(o.get("db-url"), o.getOrDefault("db-user", "root"),
        o.getOrDefault("db-password", "")); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(id) FROM connector_status_history")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      log.println("cannot read the status rate: " + e.getMessage());
      return -1;
    }
  }

  static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private Path report(List<Phase> phases, List<Query> mix, int clients, double seconds, double warmup, int rounds, String check)
      throws IOException {
    String name = "spot-bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path base = o.containsKey("report-dir") ? Path.of(o.get("report-dir"))
        : Files.isDirectory(Path.of("load-test")) ? Path.of("load-test", "target", "reports") : Path.of("target", "reports");
    Path dir = base.resolve(name);
    Files.createDirectories(dir);

    Map<String, double[]> medians = new LinkedHashMap<>(); // target -> p50, p90, p99, throughput, status rate
    for (String target : List.of("indexed", "naive", "live")) {
      List<Phase> ps = phases.stream().filter(p -> p.target().equals(target)).toList();
      medians.put(target, new double[] {
          median(ps.stream().mapToDouble(p -> ms(p.all(), 50)).toArray()),
          median(ps.stream().mapToDouble(p -> ms(p.all(), 90)).toArray()),
          median(ps.stream().mapToDouble(p -> ms(p.all(), 99)).toArray()),
          median(ps.stream().mapToDouble(Phase::throughput).toArray()),
          median(ps.stream().mapToDouble(Phase::statusesPerSecond).toArray())});
    }
    double p99Ratio = medians.get("naive")[2] / medians.get("indexed")[2];
    double p50Ratio = medians.get("indexed")[0] / medians.get("live")[0];

    ObjectNode root = JSON.createObjectNode();
    root.put("clients", clients).put("pacedRequestsPerSecond", rate).put("secondsPerPhase", seconds).put("warmupSeconds", warmup).put("rounds", rounds)
        .put("queries", mix.size()).put("answerCheck", check).put("note", o.getOrDefault("note", ""));
    root.put("naiveP99OverIndexedP99", p99Ratio).put("indexedP50OverLiveP50", p50Ratio);
    ObjectNode med = root.putObject("medians");
    medians.forEach((t, v) -> med.putObject(t).put("p50Ms", v[0]).put("p90Ms", v[1]).put("p99Ms", v[2])
        .put("requestsPerSecond", v[3]).put("statusUpdatesPerSecond", v[4]));
    ArrayNode arr = root.putArray("phases");
    for (Phase p : phases) {
      ObjectNode n = arr.addObject().put("target", p.target()).put("round", p.round()).put("ok", p.all().getTotalCount())
          .put("failed", p.errors()).put("requestsPerSecond", p.throughput()).put("p50Ms", ms(p.all(), 50))
          .put("p90Ms", ms(p.all(), 90)).put("p99Ms", ms(p.all(), 99)).put("maxMs", p.all().getMaxValue() / 1e6)
          .put("statusUpdatesPerSecond", p.statusesPerSecond());
      ObjectNode kinds = n.putObject("byKind");
      p.byKind().forEach((k, h) -> kinds.putObject(k).put("count", h.getTotalCount()).put("p50Ms", ms(h, 50))
          .put("p90Ms", ms(h, 90)).put("p99Ms", ms(h, 99)));
    }
    Files.writeString(dir.resolve("result.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));

    StringBuilder md = new StringBuilder();
    md.append("# Spot search benchmark ").append(name).append("\n\n");
    md.append(String.format(Locale.ROOT, "%d %s clients per phase, %.0f s measured after %.0f s warm-up, %d round(s);"
        + " %d fixed queries (seeded).%n%n", clients,
        rate > 0 ? String.format(Locale.ROOT, "paced (%.0f requests/s in total, latency from the scheduled start)", rate) : "closed-loop",
        seconds, warmup, rounds, mix.size()));
    if (o.containsKey("note")) {
      md.append("Note: ").append(o.get("note")).append("\n\n");
    }
    md.append("| target | p50 ms | p90 ms | p99 ms | requests/s | status updates/s |\n|---|---|---|---|---|---|\n");
    medians.forEach((t, v) -> md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.0f | %.0f |%n",
        t, v[0], v[1], v[2], v[3], v[4])));
    md.append(String.format(Locale.ROOT, "%nnaive p99 / indexed p99 = **%s** (goal ≥ 100×); indexed p50 / live p50 ="
        + " **%.2f×** (goal ≤ 2×)%s%n%n",
        Double.isNaN(p99Ratio) ? "n/a: no naive request due in the window was answered within it" : String.format(Locale.ROOT, "%.0f×", p99Ratio),
        p50Ratio, rounds > 1 ? " — medians over the rounds" : ""));
    if (rate > 0) {
      md.append("Paced: *failed* includes requests due in the window that were never sent because the client was"
          + " still waiting for earlier answers when the window closed.\n\n");
    }
    md.append(check).append("\n\n## Every phase\n\n| round | target | ok | failed | requests/s | p50 | p90 | p99 | max (ms) |"
        + " status updates/s |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Phase p : phases) {
      md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.0f | %.0f |%n", p.round(),
          p.target(), p.all().getTotalCount(), p.errors(), p.throughput(), ms(p.all(), 50), ms(p.all(), 90),
          ms(p.all(), 99), p.all().getMaxValue() / 1e6, p.statusesPerSecond()));
    }
    md.append("\n## By query kind (last round)\n\n| target | kind | count | p50 | p90 | p99 (ms) |\n|---|---|---|---|---|---|\n");
    for (Phase p : phases) {
      if (p.round() == rounds && !p.target().equals("live")) {
        p.byKind().forEach((k, h) -> md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f |%n",
            p.target(), k, h.getTotalCount(), ms(h, 50), ms(h, 90), ms(h, 99))));
      }
    }
    Files.writeString(dir.resolve("report.md"), md.toString());
    log.print(md);
    log.println("report: " + dir.toAbsolutePath().resolve("report.md"));
    return dir;
  }
}
