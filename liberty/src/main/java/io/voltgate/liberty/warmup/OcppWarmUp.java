package io.voltgate.liberty.warmup;

import io.voltgate.chargermgmt.station.ConnectorSpec;
import io.voltgate.chargermgmt.station.StationService;
import io.voltgate.sharedkernel.SyntheticTraffic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The charger half of the start-up warm-up: a few stations of the instance's own, registered for
 * the purpose, connect to its OCPP endpoint over real WebSockets, boot, report their connectors
 * and heartbeat, disconnect and come back, for a set number of rounds; then they are deleted.
 *
 * <p>Why: an instance that has just turned ready has never run the charger path, and in a crash
 * the survivor gets the whole fleet at once. Per-thread CPU of the survivor over the 21 s of a
 * 2,000-charger crash (upgrade scenario): 117 % of a core, of which the JIT compiler threads took
 * 61 % (C2 49 %, C1 12 %) — compiling the handshake, WebSocket and message paths while the
 * storm used them — and the REST probes' p99 was 6-9 times the steady one. Compiled here, before
 * readiness, they are ready when the fleet arrives.
 *
 * <p>The stations' ids are {@code WARM-UP-<random>-<n>}, new at each start, without a spot (so
 * spot search never shows them) and without a password; every row written for them is deleted
 * at the end, and a failure only ends the warm-up early (readiness does not wait on it). Their
 * messages do count in the OCPP metrics (9,600 calls at start-up). The spot index of every
 * running instance keeps their (spot-less) station rows in memory until it restarts, a few
 * hundred bytes per warm-up station: a deleted row leaves no change behind for its feed.
 */
final class OcppWarmUp {

  private static final Logger LOG = Logger.getLogger(OcppWarmUp.class.getName());
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  /** Heartbeats per connection: the message most of a steady fleet sends. */
  private static final int HEARTBEATS = 8;
  private static final int READS_PER_STATION = 250;
  private static final String[] STATUSES = {"Available", "Preparing", "Charging", "Finishing", "Available"};

  private final StationService stations;
  private final ExecutorService executor;
  private final String base;
  private final int stationCount;
  private final int rounds;
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  OcppWarmUp(StationService stations, ExecutorService executor, int port, int stationCount, int rounds) {
    this.stations = stations;
    this.executor = executor;
    this.base = "ws://127.0.0.1:" + port + "/ocpp/";
    this.stationCount = stationCount;
    this.rounds = rounds;
  }

  /** CALLs answered with a CALLRESULT as expected. */
  long answered() {
    return answered.get();
  }

  /** Handshakes or CALLs that went otherwise (refused, CALLERROR, a Boot not accepted, no answer). */
  long unexpected() {
    return unexpected.get();
  }

  /** Runs every round of every station until done or {@code deadline} (System.nanoTime()), then cleans up. */
  void run(long deadline) throws InterruptedException {
    if (stationCount <= 0 || rounds <= 0) {
      return;
    }
    String prefix = "WARM-UP-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < stationCount; i++) {
        String id = prefix + i;
        stations.register(id, null, null, List.of(new ConnectorSpec(1, "CCS2", 50.0), new ConnectorSpec(2, "Type2", 22.0)));
        ids.add(id);
      }
      CountDownLatch chargers = new CountDownLatch(ids.size());
      for (String id : ids) {
        executor.submit(() -> {
          try {
            for (int r = 0; r < rounds && System.nanoTime() < deadline; r++) {
              if (!round(id, r, deadline)) {
                break;
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            chargers.countDown();
          }
        });
      }
      if (!chargers.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        // Past the deadline each charger makes no new call, but one may be in flight: its status
        // write must not land after the removal below (a latest-status row for a deleted station).
        chargers.await(ANSWER_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
      }
      // The admin API's station read, on stations that now have connectors and statuses (the
      // HTTP warm-up cannot authenticate): the persistence unit's read path was among the code
      // compiled during the crash (EclipseLink: 600 of 9,400 compilations in those 21 s).
      for (int i = 0; i < READS_PER_STATION && System.nanoTime() < deadline; i++) {
        for (String id : ids) {
          stations.details(id);
        }
      }
    } finally {
      for (String id : ids) {
        try {
          stations.remove(id);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Warm-up station " + id + " not removed: " + e);
        }
      }
    }
  }

  /** One connection's life: handshake, Boot, statuses, heartbeats, close. False: stop this charger. */
  private boolean round(String id, int round, long deadline) throws InterruptedException {
    Frames frames = new Frames();
    WebSocket ws;
    try {
      ws = client.newWebSocketBuilder()
          .subprotocols("ocpp1.6")
          .header(SyntheticTraffic.HEADER, "warm-up")
          .connectTimeout(Duration.ofSeconds(2))
          .buildAsync(URI.create(base + id), frames)
          .get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      unexpected.incrementAndGet();
      // admission's 503 (the instance's own token bucket): come back when told, as a charger would
      long wait = retryAfterMillis(e.getCause());
      if (wait < 0 || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) > deadline) {
        return false;
      }
      Thread.sleep(wait);
      return true;
    } catch (TimeoutException e) {
      unexpected.incrementAndGet();
      return false;
    }
    try {
      String tag = round + "-";
      if (System.nanoTime() >= deadline) {
        return false;
      }
      boolean accepted = call(ws, frames, tag + "b", "BootNotification",
          "{\"chargePointVendor\":\"Voltgate\",\"chargePointModel\":\"warm-up\",\"firmwareVersion\":\"1\"}")
          .contains("\"Accepted\"");
      if (!accepted) {
        unexpected.incrementAndGet();
        return false;
      }
      for (int c = 0; c <= 2; c++) {
        if (System.nanoTime() >= deadline) {
          return false;
        }
        String status = STATUSES[(round + c) % STATUSES.length];
        call(ws, frames, tag + "s" + c, "StatusNotification", String.format(Locale.ROOT,
            "{\"connectorId\":%d,\"errorCode\":\"NoError\",\"status\":\"%s\",\"timestamp\":\"%s\"}",
            c, c == 0 ? "Available" : status, Instant.now()));
      }
      for (int h = 0; h < HEARTBEATS && System.nanoTime() < deadline; h++) {
        call(ws, frames, tag + "h" + h, "Heartbeat", "{}");
      }
      return true;
    } catch (TimeoutException | RuntimeException e) {
      unexpected.incrementAndGet();
      return false;
    } finally {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(t -> null);
      frames.closed.await(2, TimeUnit.SECONDS);
    }
  }

  /** Sends a CALL and waits for its CALLRESULT; answers a CALL from the server with a CALLERROR. */
  private String call(WebSocket ws, Frames frames, String messageId, String action, String payload)
      throws InterruptedException, TimeoutException {
    ws.sendText("[2,\"" + messageId + "\",\"" + action + "\"," + payload + "]", true).join();
    long until = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
    String result = "[3,\"" + messageId + "\"";
    while (true) {
      String frame = frames.text.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new TimeoutException(action + " not answered");
      }
      if (frame.startsWith(result)) {
        answered.incrementAndGet();
        return frame;
      }
      if (frame.startsWith("[2,")) {
        int end = frame.indexOf('"', 4);
        ws.sendText("[4," + frame.substring(3, end + 1) + ",\"NotImplemented\",\"warm-up\",{}]", true).join();
        continue;
      }
      unexpected.incrementAndGet();
      if (frame.startsWith("[4,\"" + messageId + "\"")) {
        return frame;
      }
    }
  }

  /** Retry-After of a refused handshake in milliseconds (at most 2 s), or -1 if it was not a 503. */
  private static long retryAfterMillis(Throwable failure) {
    Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (t instanceof WebSocketHandshakeException h && h.getResponse().statusCode() == 503) {
      long seconds = h.getResponse().headers().firstValueAsLong("Retry-After").orElse(1);
      return Math.min(2_000, Math.max(100, seconds * 1_000));
    }
    return -1;
  }

  /** Collects whole text frames and notes the close. */
  private static final class Frames implements WebSocket.Listener {
    final BlockingQueue<String> text = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        text.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.countDown();
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.countDown();
    }
  }
}
