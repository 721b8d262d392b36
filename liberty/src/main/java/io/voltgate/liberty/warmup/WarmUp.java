package io.voltgate.liberty.warmup;

import io.voltgate.chargermgmt.security.PasswordHashes;
import io.voltgate.chargermgmt.station.StationService;
import io.voltgate.sharedkernel.GeoPoint;
import io.voltgate.sharedkernel.SyntheticTraffic;
import io.voltgate.spotsearch.search.IndexedSpot;
import io.voltgate.spotsearch.search.IndexedSpotSearch;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Warms the instance up before it reports ready: sends itself, over its own HTTP port, a few
 * thousand of the requests the app and operators make — spot searches around its own spots,
 * spot details, the admin API's refusal of an unauthenticated call, liveness — so the JIT has
 * compiled the paths before a load balancer sends the first real one.
 *
 * <p>Why: a fresh instance answered its first real requests slowly. In the upgrade scenario the
 * load balancer (least connections) sends new requests to the instance that has just turned
 * ready, and the REST probe's p99 there was 0.5-1.1 s (2,000 chargers on the old instance,
 * steady p99 8-12 ms), with the JIT compiling the request paths while they were being served.
 *
 * <p>Before the HTTP requests, {@link OcppWarmUp} runs the charger path (handshakes, Boot,
 * StatusNotification, Heartbeat) through stations of its own; after them the warm-up waits for
 * the JIT's compile queue to drain ({@code voltgate.warmup.jit-quiet-max-seconds}).
 *
 * <p>Readiness ({@link WarmUpReadinessCheck}) stays DOWN until the warm-up ends: all requests
 * sent, or {@code voltgate.warmup.max-seconds} passed (then it is ready anyway: a slow warm-up
 * must not keep an instance out). The requests carry {@link SyntheticTraffic#HEADER}, so the
 * search latency histogram does not count them. {@code voltgate.warmup.requests=0} turns it off.
 */
@ApplicationScoped
public class WarmUp {

  private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());
  private static final int IN_FLIGHT = 4;
  /** The JIT counts as quiet when its compilers' time grows by less than this share of the wall clock... */
  private static final double QUIET_SHARE = 0.05;
  /** ...over this long. */
  private static final long QUIET_WINDOW_MILLIS = 2_000;
  /** Searched around when the index holds no spots (Tokyo). */
  private static final GeoPoint FALLBACK = new GeoPoint(35.68, 139.76);

  @Inject
  @ConfigProperty(name = "voltgate.warmup.requests", defaultValue = "3000")
  int requests;

  @Inject
  @ConfigProperty(name = "voltgate.warmup.max-seconds", defaultValue = "60")
  int maxSeconds;

  /** Stations of the charger warm-up ({@link OcppWarmUp}); 0 turns it off. */
  @Inject
  @ConfigProperty(name = "voltgate.warmup.ocpp-stations", defaultValue = "8")
  int ocppStations;

  /** Connections per warm-up station, each a Boot, three StatusNotifications and heartbeats. */
  @Inject
  @ConfigProperty(name = "voltgate.warmup.ocpp-rounds", defaultValue = "100")
  int ocppRounds;

  /** At most this long, within max-seconds, for the JIT to go quiet after the warm-up's traffic (0: not at all). */
  @Inject
  @ConfigProperty(name = "voltgate.warmup.jit-quiet-max-seconds", defaultValue = "30")
  int jitQuietMaxSeconds;

  @Inject
  @ConfigProperty(name = "default.http.port", defaultValue = "9080")
  int port;

  @Inject IndexedSpotSearch search;
  @Inject StationService stations;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /** What the readiness check reports. */
  public record Progress(boolean done, long sent, long unexpected, long ocppAnswered, long ocppUnexpected, long millis) {}

  private volatile boolean done;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();
  private volatile OcppWarmUp ocpp;
  private volatile long startedAt;
  private volatile long endedAt;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    startedAt = System.nanoTime();
    if (requests <= 0) {
      finish();
      return;
    }
    try {
      executor.submit(this::run);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Warm-up not started: " + e);
      finish();
    }
  }

  public Progress progress() {
    long end = done ? endedAt : System.nanoTime();
    OcppWarmUp o = ocpp;
    return new Progress(done, sent.get(), unexpected.get(), o == null ? 0 : o.answered(), o == null ? 0 : o.unexpected(),
        TimeUnit.NANOSECONDS.toMillis(end - startedAt));
  }

  private void run() {
    long deadline = startedAt + TimeUnit.SECONDS.toNanos(maxSeconds);
    try {
      // Searches before the index is loaded would only warm the empty answer.
      while (!search.isLoaded() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      warmInProcess();
      // The charger path first, with at most half the time: it is what a crash's survivor or an
      // upgrade's successor gets all at once.
      ocpp = new OcppWarmUp(stations, executor, port, ocppStations, ocppRounds);
      ocpp.run(Math.min(deadline, System.nanoTime() + (deadline - System.nanoTime()) / 2));
      HttpClient client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
      String base = "http://127.0.0.1:" + port;
      // Where the instance's spots are, so searches find some.
      List<IndexedSpot> spots = search.current().sample(200);
      // IN_FLIGHT senders, each waiting for its answer (send, not sendAsync: sendAsync hands every
      // answer to CompletableFuture's default executor, a new thread per answer on two cores —
      // 3,000 threads started and ended per warm-up, seen in a flight recording).
      AtomicInteger next = new AtomicInteger();
      CountDownLatch senders = new CountDownLatch(IN_FLIGHT);
      for (int w = 0; w < IN_FLIGHT; w++) {
        executor.submit(() -> {
          try {
            for (int i = next.getAndIncrement(); i < requests && System.nanoTime() < deadline; i = next.getAndIncrement()) {
              Target t = target(i, base, spots);
              int status = send(client, t);
              if (status != t.expected()) {
                unexpected.incrementAndGet();
              }
              sent.incrementAndGet();
            }
          } finally {
            senders.countDown();
          }
        });
      }
      senders.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      awaitCompilerQuiet(Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(jitQuietMaxSeconds)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Warm-up stopped early: " + e);
    } finally {
      finish();
      Progress p = progress();
      LOG.info(String.format(Locale.ROOT,
          "Warm-up done: %d requests, %d unexpected answers; %d OCPP calls answered, %d unexpected; in %d ms",
          p.sent(), p.unexpected(), p.ocppAnswered(), p.ocppUnexpected(), p.millis()));
    }
  }

  /**
   * What the HTTP requests cannot reach without credentials: an operator's first request costs a
   * PBKDF2 check (210,000 iterations; then cached per user) and the instance's first station read
   * the persistence unit's first queries. In the upgrade scenario B's first admin GET took 737 ms
   * after the HTTP warm-up, and the searches behind it waited up to 400 ms.
   */
  private void warmInProcess() {
    try {
      String hash = PasswordHashes.hashOperatorPassword("warm-up");
      for (int i = 0; i < 3; i++) {
        PasswordHashes.matches(hash, "warm-up-" + i);
      }
      for (int i = 0; i < 50; i++) {
        stations.details("WARM-UP-" + i);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "In-process warm-up incomplete: " + e);
    }
  }

  /**
   * Waits, up to the deadline, until the JIT has compiled what the warm-up queued: the compilers'
   * time grew by less than {@link #QUIET_SHARE} of the wall clock over {@link #QUIET_WINDOW_MILLIS}.
   *
   * <p>Why: the warm-up's traffic is over in seconds, its compilations are not. In the upgrade
   * scenario's crash the survivor (ready 4 s before) spent 49-56 % of a core in the C2 compiler
   * thread over the 21 s of the move, on two cores shared with everything else, whether or not it
   * had been sent the charger path at start-up; 36 % already before the kill. Turning ready with
   * the queue drained leaves the JIT only the storm's own compilations (still ~50 % of a core:
   * Liberty's HTTP code at the storm's volume); crash REST p99 fell from a median of 12.9x
   * steady to 3.3x (station) and from 11.8x to 2.4x (search), docs/benchmarks.md session 11.
   */
  private void awaitCompilerQuiet(long deadline) throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jitQuietMaxSeconds <= 0 || jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long windowStart = System.nanoTime();
    long compiledAtStart = jit.getTotalCompilationTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(QUIET_WINDOW_MILLIS / 4);
      long now = System.nanoTime();
      long wall = TimeUnit.NANOSECONDS.toMillis(now - windowStart);
      if (wall < QUIET_WINDOW_MILLIS) {
        continue;
      }
      long compiled = jit.getTotalCompilationTime() - compiledAtStart;
      if (compiled < wall * QUIET_SHARE) {
        return;
      }
      windowStart = now;
      compiledAtStart = jit.getTotalCompilationTime();
    }
  }

  private void finish() {
    endedAt = System.nanoTime();
    done = true;
  }

  private record Target(URI uri, int expected) {}

  /** Mostly searches (the app's hot path), then spot details, the admin refusal, liveness. */
  private static Target target(int i, String base, List<IndexedSpot> spots) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    IndexedSpot spot = spots.isEmpty() ? null : spots.get(r.nextInt(spots.size()));
    int kind = i % 10;
    if (kind < 6 || spot == null && kind < 8) {
      GeoPoint p = spot == null ? FALLBACK : spot.position();
      double lat = Math.max(-90, Math.min(90, p.lat() + r.nextDouble(-0.05, 0.05)));
      double lng = Math.max(-180, Math.min(180, p.lng() + r.nextDouble(-0.05, 0.05)));
      String filter = switch (r.nextInt(4)) {
        case 0 -> "&available=true";
        case 1 -> "&minPowerKw=50";
        default -> "";
      };
      return new Target(URI.create(String.format(Locale.ROOT, "%s/api/v1/spots?lat=%.5f&lng=%.5f&radiusKm=%d%s",
          base, lat, lng, 1 + r.nextInt(20), filter)), 200);
    }
    if (kind < 8) {
      return new Target(URI.create(base + "/api/v1/spots/" + spot.spotId()), 200);
    }
    if (kind == 8) {
      return new Target(URI.create(base + "/api/v1/stations/WARM-UP-" + i), 401);
    }
    return new Target(URI.create(base + "/health/live"), 200);
  }

  /** The answer's status, or -1 when there was none. */
  private static int send(HttpClient client, Target t) {
    HttpRequest request = HttpRequest.newBuilder(t.uri())
        .timeout(Duration.ofSeconds(5))
        .header(SyntheticTraffic.HEADER, "warm-up")
        .GET()
        .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
