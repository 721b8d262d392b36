package io.voltgate.loadtest.upgrade;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * One kind of HTTP request sent through the load balancer at a fixed pace during an upgrade run,
 * with latency and failures kept per {@link Window} of the run. A request belongs to the window in
 * which it was sent. A failure is a status other than 200 or no answer within 10 s; failures are
 * counted by kind ("HTTP 503", "HttpTimeoutException", …) so a report says why, not just how many.
 */
final class Probe {

  /** The phases of one run, in order. */
  enum Window {
    /** Fleet registration and connection until all N chargers are on A. */
    BOOT("boot"),
    /** All on A; BootNotifications and first StatusNotifications still settling. Not measured as steady. */
    SETTLE("settle"),
    /** The steady window: the booted fleet on A, before B starts. The reference for the goals. */
    STEADY("steady"),
    /** B starting (its JVM and the index load compete for the same cores), until A is stopped. */
    B_START("B starting"),
    /** From A's stop until all chargers are on B. */
    MOVE("move"),
    /** After the move, for the recovery time. */
    AFTER("after"),
    /** The fleet stopping (every session closed at once): not reported. */
    DONE("done");

    final String label;

    Window(String label) {
      this.label = label;
    }
  }

  /** What one window measured. */
  record Stats(long sent, long ok, Map<String, Long> failures, double p50Ms, double p99Ms, double maxMs) {
    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  final String name;
  private final HttpRequest request;
  private final Supplier<Window> window;
  private final Map<Window, Histogram> latency = new EnumMap<>(Window.class);
  private final Map<Window, LongAdder> sent = new EnumMap<>(Window.class);
  private final Map<Window, Map<String, LongAdder>> failures = new EnumMap<>(Window.class);
  /** Requests slower than {@link #SLOW_MICROS} (or failed): when they were sent and how long they took. */
  private final List<Slow> slow = new ArrayList<>();
  private static final long SLOW_MICROS = 250_000;
  private static final int SLOW_KEPT = 5_000;

  Probe(String name, URI uri, String authorization, Supplier<Window> window) {
    this.name = name;
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    this.request = b.build();
    this.window = window;
    for (Window w : Window.values()) {
      latency.put(w, new SynchronizedHistogram(60_000_000L, 3));
      sent.put(w, new LongAdder());
      failures.put(w, new ConcurrentHashMap<>());
    }
  }

  /** Sends one request (asynchronously) and files its outcome under the current window. */
  void fire() {
    Window w = window.get();
    sent.get(w).increment();
    long started = System.nanoTime();
    long startedAt = System.currentTimeMillis();
    HTTP.sendAsync(request, info -> new Arrival()).whenComplete((response, failure) -> {
      long ended = failure == null ? response.body() : System.nanoTime();
      long micros = Math.max(1, (ended - started) / 1000);
      if (micros >= SLOW_MICROS || failure != null || response.statusCode() != 200) {
        noteSlow(w, startedAt, micros, failure == null ? Integer.toString(response.statusCode()) : kind(failure));
      }
      if (failure == null && response.statusCode() == 200) {
        latency.get(w).recordValue(Math.min(micros, 60_000_000L));
        return;
      }
      String kind = failure == null ? "HTTP " + response.statusCode() : kind(failure);
      failures.get(w).computeIfAbsent(kind, k -> new LongAdder()).increment();
    });
  }

  /**
   * Discards the body and keeps when its last byte arrived, read on the HTTP client's own thread.
   * The response future's callbacks do not run there: {@code sendAsync} hands them to
   * CompletableFuture's default executor, which on two cores (common pool parallelism 1) is a new
   * thread per task. Timed in the callback, every request's latency included starting a thread —
   * a few milliseconds at the crash's CPU burst, i.e. the probe's own noise in the REST p99.
   */
  static final class Arrival implements HttpResponse.BodySubscriber<Long> {
    private final HttpResponse.BodySubscriber<Void> discard = HttpResponse.BodySubscribers.discarding();
    private final CompletableFuture<Long> lastByte = new CompletableFuture<>();

    @Override
    public CompletionStage<Long> getBody() {
      return lastByte;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      discard.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      discard.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      discard.onError(throwable);
      lastByte.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      lastByte.complete(System.nanoTime());
      discard.onComplete();
    }
  }

  private record Slow(long sentAtMillis, Window window, long micros, String outcome) {}

  private void noteSlow(Window w, long sentAtMillis, long micros, String outcome) {
    synchronized (slow) {
      if (slow.size() < SLOW_KEPT) {
        slow.add(new Slow(sentAtMillis, w, micros, outcome));
      }
    }
  }

  /**
   * Writes the slow or failed requests (sent at, relative to {@code t0Millis}; window; ms; status)
   * as CSV: whether a bad p99 is a few seconds of one event or spread over the window.
   */
  void writeSlow(Path file, long t0Millis) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("sent_s,window,ms,outcome");
    synchronized (slow) {
      for (Slow r : slow) {
        lines.add(String.format(Locale.ROOT, "%.3f,%s,%.1f,%s",
            (r.sentAtMillis() - t0Millis) / 1000.0, r.window().label, r.micros() / 1000.0, r.outcome()));
      }
    }
    Files.write(file, lines);
  }

  private static String kind(Throwable failure) {
    Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return t.getClass().getSimpleName();
  }

  Stats stats(Window w) {
    Histogram h = latency.get(w).copy();
    Map<String, Long> f = new TreeMap<>();
    failures.get(w).forEach((k, v) -> f.put(k, v.sum()));
    return new Stats(sent.get(w).sum(), h.getTotalCount(), f, ms(h, 50), ms(h, 99), h.getTotalCount() == 0 ? 0
        : h.getMaxValue() / 1000.0);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }
}
