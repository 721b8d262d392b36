package io.voltgate.loadtest.fleet;

import io.voltgate.loadtest.charger.ChargerProfile;
import io.voltgate.loadtest.charger.ReconnectPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run is told on the command line (see {@link #USAGE}). A child process gets the
 * parent's arguments plus {@code --slice FROM:TO --result FILE}, so both sides agree on every
 * other setting by construction.
 */
public record FleetOptions(
    Scenario scenario,
    List<URI> urls,
    int chargers,
    Duration duration,
    Path stopFile,
    URI adminUrl,
    String adminUser,
    String adminPassword,
    boolean register,
    int registerConcurrency,
    String idPrefix,
    double connectRate,
    int inFlight,
    ChargerProfile profile,
    Duration stormSettle,
    Duration stormHold,
    String restartCommand,
    Duration drainTimeout,
    Duration bootTimeout,
    int perProcess,
    int processes,
    int nice,
    List<InetAddress> sourceAddresses,
    int socketsPerSource,
    int ioThreads,
    Path reportDir,
    String runName,
    long seed,
    int sliceFrom,
    int sliceTo,
    Path resultFile,
    List<String> rawArgs) {

  /** The benchmark scenarios. */
  public enum Scenario {
    /** N chargers boot and then run realistic traffic for the given time. */
    STEADY,
    /** As steady, then every charger loses its connection at once and reconnects. */
    STORM,
    /**
     * The reference CSMS's method (issue 3): at most {@code --in-flight} (200) chargers connect
     * at once; each sends BootNotification then one Heartbeat and stays idle; then the fleet is
     * held for the run's time (for the heap per idle session).
     */
    REFERENCE
  }

  public static final String USAGE = """
      usage: voltgate-load-test (steady|storm|reference) [options]
        --url URLS               OCPP base URL(s), comma-separated; charger i uses URL i mod n
                                 (default ws://127.0.0.1:9080/ocpp; the station id is appended)
        --chargers N             fleet size (default 100)
        --minutes M | --seconds S  steady-traffic time after the fleet has booted (default 1 min)
        --stop-file PATH         steady: end the steady traffic early once PATH exists (a driving
                                 scenario decides when it has seen enough)
        --admin-url URL          admin REST base (default http://HOST:PORT of the first URL)
        --admin-user U --admin-password P   (default admin / voltgate-dev)
        --no-register            skip PUT /api/v1/stations/{id} (stations already registered)
        --register-concurrency N (default 16)
        --id-prefix P            station ids are P-000000 ... (default LT)
        --password PW            station Basic-auth password (security profile 1); default none
        --connectors N           connectors per station (default 2)
        --connect-rate R         initial connections per second, whole fleet (default 500)
        --in-flight N            at most N chargers between connecting and being booted at once;
                                 the next starts when one is done (reference: 200, with one
                                 Heartbeat after the boot; others: 0 = use --connect-rate)
        --reconnect POLICY       immediate | fixed:SECONDS | backoff:WAIT_MIN,RANDOM_RANGE,REPEAT_TIMES
                                 (OCPP 2.0.1 RetryBackOff*; default: storm immediate, steady backoff:3,10,5)
        --ignore-retry-after     do not wait for a 503's Retry-After
        --heartbeat S            heartbeat period instead of the server's BootNotification interval
        --meter-interval S       MeterValues period in a transaction (default 60)
        --tx-per-hour X          transactions started per idle connector per hour (default 2)
        --tx-duration MIN-MAX    transaction length in seconds (default 300-1800)
        --id-tag TAG             id tag used for transactions (registered as Accepted; default LOADTEST)
        --call-timeout S         CALL without answer counts as timed out after S (default 30)
        --handshake-timeout S    connect + upgrade time limit (default 10)
        --storm-settle S         storm: steady seconds between boot and the cut (default 20)
        --storm-hold S           storm: seconds to observe after the cut (default 60)
        --restart-command CMD    storm: run CMD (sh -c) to restart the server instead of cutting sockets
        --drain S                at the end, wait up to S for queued transaction messages (default 30)
        --boot-timeout S         wait up to S for the whole fleet to boot (default 600)
        --per-process N          chargers per JVM before forking children (default 9000)
        --processes N            force N child JVMs
        --nice N                 run the fleet in child JVMs at this niceness (1-19), below the
                                 servers it loads when both share the machine's cores
        --source-addresses A,B   local addresses to bind (default: 127.0.0.1.. as needed)
        --sockets-per-source N   sockets per source address before taking the next (default 25000)
        --io-threads N           Netty event-loop threads per JVM (default: cores)
        --report-dir DIR         (default load-test/target/reports or target/reports)
        --run NAME               report folder name (default SCENARIO-N-yyyyMMdd-HHmmss)
        --seed N                 random seed (default 1)
      """;

  public boolean isChild() {
    return resultFile != null;
  }

  /** The station id of fleet member {@code index}. */
  public String stationId(int index) {
    return idPrefix + "-" + String.format(Locale.ROOT, "%06d", index);
  }

  public URI url(int index) {
    return urls.get(index % urls.size());
  }

  /** The source address fleet member {@code index} binds, or null to let the system choose. */
  public InetSocketAddress localAddress(int index) {
    if (!sourceAddresses.isEmpty()) {
      return new InetSocketAddress(sourceAddresses.get(index % sourceAddresses.size()), 0);
    }
    int needed = (chargers + socketsPerSource - 1) / socketsPerSource;
    if (needed <= 1) {
      return null;
    }
    // 127.0.0.1, 127.0.0.2, ...: every 127/8 address is loopback on Linux
    int n = index % needed;
    return new InetSocketAddress("127.0.0." + (1 + n), 0);
  }

  /** How many child JVMs the fleet needs (1 = run in this JVM). */
  public int processCount() {
    if (processes > 0) {
      return processes;
    }
    return Math.max(1, (chargers + perProcess - 1) / perProcess);
  }

  public static FleetOptions parse(String... args) {
    if (args.length == 0 || args[0].startsWith("-")) {
      throw new IllegalArgumentException("name a scenario\n" + USAGE);
    }
    Scenario scenario;
    try {
      scenario = Scenario.valueOf(args[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown scenario " + args[0] + "\n" + USAGE);
    }
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a + "\n" + USAGE);
      }
      String key = a.substring(2);
      String value;
      int eq = key.indexOf('=');
      if (eq >= 0) {
        value = key.substring(eq + 1);
        key = key.substring(0, eq);
      } else if (key.equals("no-register") || key.equals("ignore-retry-after")) {
        value = "true";
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + key + " needs a value");
        }
        value = args[++i];
      }
      o.put(key, value);
    }
    List<URI> urls = Arrays.stream(o.getOrDefault("url", "ws://127.0.0.1:9080/ocpp").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList();
    for (URI u : urls) {
      if (!"ws".equals(u.getScheme()) || u.getHost() == null) {
        throw new IllegalArgumentException("--url must be ws://HOST:PORT/PATH (wss is not simulated yet): " + u);
      }
    }
    URI first = urls.get(0);
    URI adminUrl = URI.create(o.getOrDefault("admin-url",
        "http://" + first.getHost() + ":" + (first.getPort() > 0 ? first.getPort() : 80)));
    int chargers = positive(o, "chargers", 100);
    Duration duration = o.containsKey("seconds") ? seconds(o.get("seconds"))
        : Duration.ofMillis(Math.round(Double.parseDouble(o.getOrDefault("minutes", "1")) * 60_000));
    String reconnectDefault = scenario == Scenario.STORM ? "immediate" : "backoff:3,10,5";
    String[] tx = o.getOrDefault("tx-duration", "300-1800").split("-");
    if (tx.length != 2) {
      throw new IllegalArgumentException("--tx-duration MIN-MAX in seconds");
    }
    ChargerProfile profile = new ChargerProfile(
        positive(o, "connectors", 2),
        o.get("password"),
        o.containsKey("heartbeat") ? seconds(o.get("heartbeat")) : null,
        seconds(o.getOrDefault("meter-interval", "60")),
        Double.parseDouble(o.getOrDefault("tx-per-hour", "2")),
        seconds(tx[0]),
        seconds(tx[1]),
        o.getOrDefault("id-tag", "LOADTEST"),
        seconds(o.getOrDefault("call-timeout", "30")),
        seconds(o.getOrDefault("handshake-timeout", "10")),
        parseReconnect(o.getOrDefault("reconnect", reconnectDefault)),
        !Boolean.parseBoolean(o.getOrDefault("ignore-retry-after", "false")),
        scenario == Scenario.REFERENCE);
    List<InetAddress> sources = new ArrayList<>();
    if (o.containsKey("source-addresses")) {
      for (String s : o.get("source-addresses").split(",")) {
        try {
          sources.add(InetAddress.getByName(s.trim()));
        } catch (UnknownHostException e) {
          throw new IllegalArgumentException("bad source address " + s, e);
        }
      }
    }
    Path reportDir = o.containsKey("report-dir") ? Path.of(o.get("report-dir"))
        : Files.isDirectory(Path.of("load-test")) ? Path.of("load-test", "target", "reports")
        : Path.of("target", "reports");
    String runName = o.getOrDefault("run", scenario.name().toLowerCase(Locale.ROOT) + "-" + chargers + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    int sliceFrom = 0;
    int sliceTo = chargers;
    if (o.containsKey("slice")) {
      String[] s = o.get("slice").split(":");
      sliceFrom = Integer.parseInt(s[0]);
      sliceTo = Integer.parseInt(s[1]);
    }
    Set<String> known = Set.of("url", "chargers", "minutes", "seconds", "admin-url", "admin-user",
        "admin-password", "no-register", "register-concurrency", "id-prefix", "password", "connectors",
        "connect-rate", "in-flight", "reconnect", "stop-file", "ignore-retry-after", "heartbeat", "meter-interval", "tx-per-hour",
        "tx-duration", "id-tag", "call-timeout", "handshake-timeout", "storm-settle", "storm-hold",
        "restart-command", "drain", "boot-timeout", "per-process", "processes", "nice", "source-addresses",
        "sockets-per-source", "io-threads", "report-dir", "run", "seed", "slice", "result");
    for (String key : o.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key + "\n" + USAGE);
      }
    }
    return new FleetOptions(
        scenario, urls, chargers, duration, o.containsKey("stop-file") ? Path.of(o.get("stop-file")) : null, adminUrl,
        o.getOrDefault("admin-user", "admin"),
        o.getOrDefault("admin-password", "voltgate-dev"),
        !Boolean.parseBoolean(o.getOrDefault("no-register", "false")),
        positive(o, "register-concurrency", 16),
        o.getOrDefault("id-prefix", "LT"),
        Double.parseDouble(o.getOrDefault("connect-rate", "500")),
        Integer.parseInt(o.getOrDefault("in-flight", scenario == Scenario.REFERENCE ? "200" : "0")),
        profile,
        seconds(o.getOrDefault("storm-settle", "20")),
        seconds(o.getOrDefault("storm-hold", "60")),
        o.get("restart-command"),
        seconds(o.getOrDefault("drain", "30")),
        seconds(o.getOrDefault("boot-timeout", "600")),
        positive(o, "per-process", 9000),
        Integer.parseInt(o.getOrDefault("processes", "0")),
        niceness(o.getOrDefault("nice", "0")),
        List.copyOf(sources),
        positive(o, "sockets-per-source", 25_000),
        positive(o, "io-threads", Runtime.getRuntime().availableProcessors()),
        reportDir,
        runName,
        Long.parseLong(o.getOrDefault("seed", "1")),
        sliceFrom,
        sliceTo,
        o.containsKey("result") ? Path.of(o.get("result")) : null,
        List.of(args));
  }

  private static int niceness(String text) {
    int n = Integer.parseInt(text.trim());
    if (n < 0 || n > 19) {
      throw new IllegalArgumentException("--nice must be 0..19 (0: no child JVM of its own)");
    }
    return n;
  }

  /**
   * Whether the fleet runs in child JVMs: more chargers than one JVM holds, or a niceness asked
   * for (a JVM cannot lower its own priority, its children are started under {@code nice}).
   */
  public boolean forks() {
    return processCount() > 1 || nice > 0;
  }

  private static ReconnectPolicy parseReconnect(String text) {
    return ReconnectPolicy.parse(text);
  }

  private static int positive(Map<String, String> o, String key, int defaultValue) {
    int v = Integer.parseInt(o.getOrDefault(key, Integer.toString(defaultValue)));
    if (v <= 0) {
      throw new IllegalArgumentException("--" + key + " must be positive");
    }
    return v;
  }

  private static Duration seconds(String s) {
    return Duration.ofMillis(Math.round(Double.parseDouble(s.trim()) * 1000));
  }
}
