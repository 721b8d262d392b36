package io.voltgate.loadtest.echo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * The baseline of issue 3's latency goal: round trips through a plain WebSocket echo on the same
 * server ({@code /bench/echo}), measured while the fleet's traffic runs, so that "OCPP p99 within
 * 3× a plain echo" compares like with like. {@code connections} sockets; {@code perSecond} frames
 * a second in all, spread evenly over them; each frame is an OCPP-sized CALL (a
 * StatusNotification) and a socket has at most one frame on the wire, as an OCPP charger has one
 * CALL. A frame whose socket is still waiting is skipped and counted, not queued.
 *
 * <p>{@code java -jar voltgate-load-test.jar echo --url ws://127.0.0.1:9080/bench/echo
 * [--connections 100] [--per-second 50] [--seconds 60] [--warmup 10] [--out echo.json]}
 */
public final class EchoProbe {

  private static final String FRAME = "[2,\"%d\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
      + "\"status\":\"Available\",\"timestamp\":\"2026-11-25T03:00:00.000Z\"}]";

  private final Histogram rtt = new SynchronizedHistogram(TimeUnit.SECONDS.toMicros(60), 3);
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean measuring;

  private EchoProbe() {
  }

  /** One socket with at most one frame in flight. */
  private final class Link implements WebSocket.Listener {
    private WebSocket socket;
    private volatile long sentAt;   // 0: nothing in flight

    void send(long id) {
      if (sentAt != 0) {
        skipped.incrementAndGet();
        return;
      }
      sentAt = System.nanoTime();
      socket.sendText(String.format(Locale.ROOT, FRAME, id), true).exceptionally(e -> {
        failed.incrementAndGet();
        sentAt = 0;
        return null;
      });
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      if (last) { // the frame's text itself is not needed: one frame is in flight per socket
        long started = sentAt;
        sentAt = 0;
        if (started != 0 && measuring) {
          rtt.recordValue(Math.max(1, Math.min((System.nanoTime() - started) / 1000, rtt.getHighestTrackableValue())));
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      failed.incrementAndGet();
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("usage: echo --url ws://HOST:PORT/bench/echo [--connections 100]"
            + " [--per-second 50] [--seconds 60] [--warmup 10] [--out FILE]");
      }
      a.put(args[i].substring(2), args[++i]);
    }
    URI url = URI.create(a.getOrDefault("url", "ws://127.0.0.1:9080/bench/echo"));
    int connections = Integer.parseInt(a.getOrDefault("connections", "100"));
    double perSecond = Double.parseDouble(a.getOrDefault("per-second", "50"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
    String json = new EchoProbe().run(url, connections, perSecond, warmup, seconds);
    System.out.println(json);
    if (a.containsKey("out")) {
      Files.writeString(Path.of(a.get("out")), json + "\n");
    }
  }

  private String run(URI url, int connections, double perSecond, int warmup, int seconds) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Link link = new Link();
      link.socket = client.newWebSocketBuilder().buildAsync(url, link).get(30, TimeUnit.SECONDS);
      links.add(link);
    }
    ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    AtomicLong next = new AtomicLong();
    long periodNanos = (long) (1e9 / perSecond);
    pace.scheduleAtFixedRate(() -> {
      long id = next.getAndIncrement();
      links.get((int) (id % links.size())).send(id);
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
    Thread.sleep(warmup * 1000L);
    measuring = true;
    Thread.sleep(seconds * 1000L);
    measuring = false;
    pace.shutdownNow();
    List<CompletableFuture<WebSocket>> closing = new ArrayList<>();
    for (Link link : links) {
      closing.add(link.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }
    CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
    Histogram h = rtt.copy();
    return String.format(Locale.ROOT,
        "{\"connections\":%d,\"perSecond\":%.1f,\"seconds\":%d,\"count\":%d,\"skipped\":%d,\"failed\":%d,"
            + "\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,\"max\":%.2f}",
        connections, perSecond, seconds, h.getTotalCount(), skipped.get(), failed.get(),
        ms(h, 50), ms(h, 90), ms(h, 99), h.getTotalCount() == 0 ? 0.0 : h.getMaxValue() / 1000.0);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0.0 : h.getValueAtPercentile(percentile) / 1000.0;
  }
}
