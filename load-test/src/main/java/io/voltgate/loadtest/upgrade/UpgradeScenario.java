package io.voltgate.loadtest.upgrade;

import io.voltgate.loadtest.FleetRun;
import io.voltgate.loadtest.fleet.FleetOptions;
import io.voltgate.loadtest.metrics.RunResult;
import io.voltgate.loadtest.report.UpgradeReport;
import io.voltgate.loadtest.report.UpgradeReport.Sample;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;

/**
 * {@code UpgradeScenario --mode graceful|plain|crash|all --chargers N}: HAProxy + instance A +
 * MariaDB + N simulated chargers (through HAProxy); start B; once B is ready, stop A. Measures
 * sessions per instance over time, handshakes per second and refusals, lost transaction
 * messages, the migration time, and spot-search latency through HAProxy before and during the
 * move. Each mode runs on a fresh database. See the README for the command.
 */
public final class UpgradeScenario {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Settings settings;
  private final PrintStream log;
  /** Searches that failed (not 200 or no answer within 10 s): before the stop, during the move. */
  private final long[] searchFailures = new long[2];

  record Settings(List<String> modes, int chargers, int migrationRate, int admissionRate, int successorWait,
      Path wlp, String dbName, int lbPort, int portA, int portB, Path reportRoot, String reconnect, int settleSeconds,
      int recoverySeconds) {

    static Settings parse(String[] args) {
      Map<String, String> a = new HashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        if (!args[i].startsWith("--")) {
          throw new IllegalArgumentException("unexpected " + args[i]);
        }
        a.put(args[i].substring(2), args[i + 1]);
      }
      String mode = a.getOrDefault("mode", "all");
      List<String> modes = mode.equals("all") ? List.of("graceful", "plain", "crash") : List.of(mode.split(","));
      for (String m : modes) {
        if (!List.of("graceful", "plain", "crash").contains(m)) {
          throw new IllegalArgumentException("--mode graceful|plain|crash|all, not " + m);
        }
      }
      return new Settings(
          modes,
          Integer.parseInt(a.getOrDefault("chargers", "2000")),
          Integer.parseInt(a.getOrDefault("migration-rate", "100")),
          Integer.parseInt(a.getOrDefault("admission-rate", "400")),
          Integer.parseInt(a.getOrDefault("successor-wait", "60")),
          Path.of(a.getOrDefault("wlp", "liberty/target/liberty/wlp")).toAbsolutePath(),
          a.getOrDefault("db", "voltgate_e2e"),
          Integer.parseInt(a.getOrDefault("lb-port", "28080")),
          Integer.parseInt(a.getOrDefault("port-a", "28180")),
          Integer.parseInt(a.getOrDefault("port-b", "28280")),
          Path.of(a.getOrDefault("report-dir", "load-test/target/reports")),
          a.getOrDefault("reconnect", "immediate"),
          Integer.parseInt(a.getOrDefault("settle", "10")),
          Integer.parseInt(a.getOrDefault("recovery", "20")));
    }
  }

  UpgradeScenario(Settings settings, PrintStream log) {
    this.settings = settings;
    this.log = log;
  }

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: UpgradeScenario [--mode graceful|plain|crash|all] [--chargers N] [--migration-rate R]"
          + " [--admission-rate R] [--successor-wait S] [--wlp DIR] [--db NAME] [--lb-port P] [--port-a P] [--port-b P]"
          + " [--reconnect immediate|fixed:S|backoff:MIN,RANGE,TIMES] [--report-dir DIR]");
      System.exit(2);
      return;
    }
    UpgradeScenario scenario = new UpgradeScenario(settings, System.out);
    List<UpgradeReport.Outcome> outcomes = new ArrayList<>();
    String run = "upgrade-" + settings.chargers() + "-" + LocalDateTime.now().format(STAMP);
    Path dir = settings.reportRoot().resolve(run);
    Files.createDirectories(dir);
    for (String mode : settings.modes()) {
      outcomes.add(scenario.runOnce(mode, dir.resolve(mode)));
    }
    Path summary = UpgradeReport.writeComparison(dir, settings.chargers(), settings.migrationRate(),
        settings.admissionRate(), outcomes);
    System.out.println("report: " + summary.toAbsolutePath());
    System.exit(outcomes.stream().allMatch(o -> o.fleetComplete()) ? 0 : 1);
  }

  UpgradeReport.Outcome runOnce(String mode, Path dir) throws Exception {
    Files.createDirectories(dir);
    log.printf("%n=== %s: %d chargers ===%n", mode, settings.chargers());
    recreateDatabase();
    searchFailures[0] = 0;
    searchFailures[1] = 0;
    LibertyInstance a = new LibertyInstance(settings.wlp(), "e2e-a", "a", settings.portA());
    LibertyInstance b = new LibertyInstance(settings.wlp(), "e2e-b", "b", settings.portB());
    a.create();
    b.create();
    Process haproxy = startHaproxy(dir);
    ScheduledExecutorService sampler = Executors.newScheduledThreadPool(4);
    List<Sample> samples = new CopyOnWriteArrayList<>();
    Recorder searchSteady = new Recorder(3);
    Recorder searchMigration = new Recorder(3);
    long[] phase = {0, 0}; // stop signal, all on B (epoch millis)
    try {
      a.start(env(mode, true));
      if (!a.awaitReady(Duration.ofMinutes(3))) {
        throw new IllegalStateException("A did not become ready");
      }
      awaitLb(Duration.ofSeconds(30));
      long t0 = System.currentTimeMillis();
      sampler.scheduleAtFixedRate(() -> samples.add(new Sample(System.currentTimeMillis() - t0,
          a.sessions(), b.sessions())), 0, 500, TimeUnit.MILLISECONDS);
      startSearchProbe(sampler, phase, searchSteady, searchMigration);

      int steadySeconds = estimateSeconds(mode);
      FleetOptions fleet = FleetOptions.parse("steady",
          "--url", "ws://127.0.0.1:" + settings.lbPort() + "/ocpp",
          // Registration goes to A directly: it is set-up, not part of what is measured.
          "--admin-url", a.baseUrl(),
          "--chargers", Integer.toString(settings.chargers()),
          "--seconds", Integer.toString(steadySeconds),
          "--reconnect", settings.reconnect(),
          "--connect-rate", "300",
          "--id-prefix", "E2E",
          "--report-dir", dir.toString(),
          "--run", "fleet");
      CompletableFuture<FleetRun.Outcome> fleetRun = CompletableFuture.supplyAsync(() -> {
        try {
          return FleetRun.execute(fleet, log);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      awaitSessions(a, settings.chargers(), Duration.ofMinutes(10), fleetRun);
      log.printf("all %d chargers on A; settling %d s%n", settings.chargers(), settings.settleSeconds());
      Thread.sleep(settings.settleSeconds() * 1000L);
      b.start(env(mode, false));
      if (!b.awaitReady(Duration.ofMinutes(3))) {
        throw new IllegalStateException("B did not become ready");
      }
      Thread.sleep(3000); // HAProxy's checks (rise 2, 1 s) bring B in
      phase[0] = System.currentTimeMillis();
      log.printf("B ready; stopping A (%s) at +%.1f s%n", mode, (phase[0] - t0) / 1000.0);
      a.signal(mode.equals("crash") ? "KILL" : "TERM");
      boolean allOnB = awaitSessions(b, settings.chargers(),
          Duration.ofSeconds(Math.max(120, 3L * settings.chargers() / 100)), fleetRun);
      phase[1] = System.currentTimeMillis();
      double moved = (phase[1] - phase[0]) / 1000.0;
      log.printf("all %d chargers on B %.1f s after A was stopped%n", settings.chargers(), moved);
      if (!mode.equals("crash") && a.alive()) {
        Thread.sleep(5000);
        if (a.alive()) {
          // Still there after the move: keep its threads for the report (where does it wait?)
          new ProcessBuilder("jcmd", Long.toString(a.pid()), "Thread.print")
              .redirectErrorStream(true).redirectOutput(dir.resolve("a-threads.txt").toFile()).start().waitFor();
        }
      }
      long aExit = awaitExit(a, Duration.ofMinutes(5));

      FleetRun.Outcome outcome = fleetRun.get(steadySeconds + 900L, TimeUnit.SECONDS);
      RunResult r = outcome.result();
      sampler.shutdownNow();
      log.printf("searches failed: %d before the stop, %d during the move%n", searchFailures[0], searchFailures[1]);
      return UpgradeReport.outcome(dir, mode, settings.chargers(), r, List.copyOf(samples), t0, phase[0], phase[1],
          aExit, allOnB, searchSteady.getIntervalHistogram(),
          searchMigration.getIntervalHistogram());
    } finally {
      sampler.shutdownNow();
      a.stopQuietly();
      b.stopQuietly();
      haproxy.destroy();
      copyLogs(a, dir.resolve("logs-a"));
      copyLogs(b, dir.resolve("logs-b"));
    }
  }

  /** Steady time long enough for boot, B's start, the move and a recovery period. */
  private int estimateSeconds(String mode) {
    int move = mode.equals("graceful") ? settings.chargers() / Math.max(1, settings.migrationRate())
        : settings.chargers() / Math.max(1, settings.admissionRate()) + 20;
    return settings.settleSeconds() + 40 + move + settings.recoverySeconds();
  }

  private Map<String, String> env(String mode, boolean isA) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("VOLTGATE_DB_URL", "jdbc:mysql://127.0.0.1:3306/" + settings.dbName()
        + "?allowPublicKeyRetrieval=true&useSSL=false&rewriteBatchedStatements=true");
    env.put("VOLTGATE_DB_USER", "root");
    env.put("VOLTGATE_DB_PASSWORD", "");
    env.put("VOLTGATE_MIGRATION_RATE_PER_SECOND", Integer.toString(settings.migrationRate()));
    env.put("VOLTGATE_MIGRATION_SUCCESSOR_WAIT_SECONDS", Integer.toString(settings.successorWait()));
    env.put("VOLTGATE_ADMISSION_HANDSHAKES_PER_SECOND", Integer.toString(settings.admissionRate()));
    env.put("VOLTGATE_ADMISSION_HANDSHAKE_BURST", Integer.toString(settings.admissionRate()));
    env.put("VOLTGATE_MIGRATION_ON_SIGTERM", Boolean.toString(!(isA && mode.equals("plain"))));
    env.put("VOLTGATE_SAMPLE_DATA", Boolean.toString(isA));
    return env;
  }

  private void recreateDatabase() throws IOException, InterruptedException {
    String sql = "DROP DATABASE IF EXISTS " + settings.dbName() + "; CREATE DATABASE " + settings.dbName()
        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    int exit = new ProcessBuilder("mariadb", "-uroot", "-h127.0.0.1", "-e", sql).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("could not recreate database " + settings.dbName());
    }
  }

  private Process startHaproxy(Path dir) throws IOException {
    String template = Files.readString(locateHaproxyTemplate());
    String cfg = template
        .replace("bind *:8080", "bind 127.0.0.1:" + settings.lbPort())
        .replace("server a 127.0.0.1:9080 check", "server a 127.0.0.1:" + settings.portA() + " check")
        .replace("server b 127.0.0.1:9180 check", "server b 127.0.0.1:" + settings.portB() + " check")
        .replace("    log stdout format raw local0 info\n", "");
    Path file = dir.resolve("haproxy.cfg");
    Files.writeString(file, cfg);
    return new ProcessBuilder("haproxy", "-db", "-f", file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
  }

  private static Path locateHaproxyTemplate() {
    for (Path p : List.of(Path.of("ops/haproxy/haproxy.cfg"), Path.of("../ops/haproxy/haproxy.cfg"))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException("ops/haproxy/haproxy.cfg not found; run from the repository root");
  }

  private void awaitLb(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.lbPort() + "/health/ready")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("HAProxy did not route to A within " + timeout);
  }

  /** 20 spot searches per second through HAProxy, split into before and during the move. */
  private void startSearchProbe(ScheduledExecutorService sampler, long[] phase, Recorder steady, Recorder migration) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://127.0.0.1:" + settings.lbPort() + "/api/v1/spots?lat=35.68&lng=139.76&radiusKm=10");
    sampler.scheduleAtFixedRate(() -> {
      long started = System.nanoTime();
      http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, failure) -> {
            long micros = Math.max(1, (System.nanoTime() - started) / 1000);
            boolean ok = failure == null && response.statusCode() == 200;
            if (!ok) {
              searchFailures[phase[0] == 0 ? 0 : 1]++;
              return;
            }
            if (phase[0] == 0) {
              steady.recordValue(Math.min(micros, 60_000_000));
            } else if (phase[1] == 0) {
              migration.recordValue(Math.min(micros, 60_000_000));
            }
          });
    }, 0, 50, TimeUnit.MILLISECONDS);
  }

  private boolean awaitSessions(LibertyInstance instance, int n, Duration timeout, CompletableFuture<?> fleet)
      throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    long last = -1;
    while (System.nanoTime() < until) {
      if (fleet.isCompletedExceptionally()) {
        fleet.join(); // throws the fleet's failure (e.g. registration) instead of waiting in vain
      }
      last = instance.sessions();
      if (last >= n) {
        return true;
      }
      Thread.sleep(200);
    }
    log.printf(Locale.ROOT, "instance %s holds %d of %d sessions after %s%n", instance.instanceId, last, n, timeout);
    return false;
  }

  private long awaitExit(LibertyInstance a, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until && a.alive()) {
      Thread.sleep(200);
    }
    return System.currentTimeMillis();
  }

  private static void copyLogs(LibertyInstance instance, Path to) {
    try {
      Files.createDirectories(to);
      Path messages = instance.logs().resolve("messages.log");
      if (Files.exists(messages)) {
        Files.copy(messages, to.resolve("messages.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // logs are a convenience
    }
  }
}
