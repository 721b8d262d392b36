package io.voltgate.loadtest.charger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.nio.NioEventLoopGroup;
import io.voltgate.loadtest.metrics.FleetMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The firmware-like behaviour of one simulated charger, against {@link FakeCsms}. */
class SimulatedChargerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeCsms csms = new FakeCsms();
  private final NioEventLoopGroup group = new NioEventLoopGroup(1);
  private final FleetMetrics metrics = new FleetMetrics();
  private ChargerRuntime runtime;
  private SimulatedCharger charger;

  @AfterEach
  void stop() {
    if (charger != null) {
      charger.shutdown();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    csms.close();
  }

  private void startCharger(ReconnectPolicy reconnect, boolean honourRetryAfter, double txPerHour,
      Duration meterInterval) {
    startCharger(reconnect, honourRetryAfter, txPerHour, meterInterval, false);
  }

  private void startCharger(ReconnectPolicy reconnect, boolean honourRetryAfter, double txPerHour,
      Duration meterInterval, boolean bootOnly) {
    ChargerProfile profile = new ChargerProfile(1, null, null, meterInterval, txPerHour, Duration.ofSeconds(60),
        Duration.ofSeconds(60), "TAG1", Duration.ofSeconds(5), Duration.ofSeconds(5), reconnect, honourRetryAfter,
        bootOnly);
    runtime = new ChargerRuntime(group, metrics, profile);
    charger = new SimulatedCharger(runtime, "CP-1", csms.url(), null, 7);
    charger.start(Duration.ZERO);
  }

  @Test
  void theReferenceMethodBootsSendsOneHeartbeatThenStaysIdleAndSettlesOnce() throws Exception {
    AtomicInteger settled = new AtomicInteger();
    startCharger(new ReconnectPolicy.Immediate(), true, 3_600_000, Duration.ofMillis(200), true);
    runtime.onSettled(settled::incrementAndGet);

    assertEquals("BootNotification", csms.nextCall(WAIT).action());
    assertEquals("Heartbeat", csms.nextCall(WAIT).action());
    Thread.sleep(1_500);
    assertEquals(1, settled.get(), "up once its Heartbeat was answered");
    assertTrue(csms.calls.isEmpty(), "no status, transaction or periodic heartbeat: " + csms.calls);
  }

  @Test
  void waitsTheRetryAfterOfA503BeforeConnectingAgainEvenWithImmediateReconnect() throws Exception {
    csms.refuseFirst = 1;
    csms.retryAfter = "2";
    startCharger(new ReconnectPolicy.Immediate(), true, 0, Duration.ofSeconds(60));

    assertEquals("BootNotification", csms.nextCall(WAIT).action());
    long gap = csms.handshakes.get(1) - csms.handshakes.get(0);
    assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(1_950), "waited " + gap / 1_000_000 + " ms");
    assertEquals(1, metrics.counter("handshake.503"));
    assertEquals(1, metrics.counter("handshake.101"));
  }

  @Test
  void reconnectsAtOnceAfterA503WhenToldToIgnoreRetryAfter() throws Exception {
    csms.refuseFirst = 1;
    csms.retryAfter = "2";
    startCharger(new ReconnectPolicy.Immediate(), false, 0, Duration.ofSeconds(60));

    csms.nextCall(WAIT);
    long gap = csms.handshakes.get(1) - csms.handshakes.get(0);
    assertTrue(gap < TimeUnit.MILLISECONDS.toNanos(1_000), "waited " + gap / 1_000_000 + " ms");
  }

  @Test
  void bootsAgainAfterThePendingIntervalAndSendsNothingElseMeanwhile() throws Exception {
    AtomicInteger boots = new AtomicInteger();
    csms.answer = call -> {
      if (call.action().equals("BootNotification") && boots.incrementAndGet() == 1) {
        return ChargerRuntime.JSON.createObjectNode().put("status", "Pending")
            .put("currentTime", java.time.Instant.now().toString()).put("interval", 1);
      }
      return FakeCsms.accept(call);
    };
    startCharger(new ReconnectPolicy.Immediate(), true, 0, Duration.ofSeconds(60));

    FakeCsms.Call first = csms.nextCall(WAIT);
    FakeCsms.Call second = csms.nextCall(WAIT);
    assertEquals("BootNotification", first.action());
    assertEquals("BootNotification", second.action(), "OCPP 1.6 §4.2.1: nothing but boot while Pending");
    assertTrue(second.nanos() - first.nanos() >= TimeUnit.MILLISECONDS.toNanos(950));
    assertEquals("StatusNotification", csms.nextCall(WAIT).action(), "status once Accepted");
    assertEquals(1, metrics.counter("boot.Pending"));
    assertEquals(1, runtime.accepted());
  }

  @Test
  void resendsTheUnansweredStartTransactionAndTheQueuedMeterValuesInOrderAfterADrop() throws Exception {
    csms.answer = call -> {
      if (call.connection() == 1 && call.action().equals("StartTransaction")) {
        new Thread(() -> {
          sleep(700); // meter values pile up behind the unanswered start, then the link drops
          csms.drop();
        }).start();
        return null;
      }
      return FakeCsms.accept(call);
    };
    startCharger(new ReconnectPolicy.Immediate(), true, 3_600_000, Duration.ofMillis(200));

    FakeCsms.Call firstStart = csms.nextCall("StartTransaction", WAIT);
    FakeCsms.Call resentStart = csms.nextCall("StartTransaction", WAIT);
    assertEquals(2, resentStart.connection());
    assertEquals(firstStart.payload(), resentStart.payload(), "the same StartTransaction, replayed");
    List<String> meterTimestamps = new ArrayList<>();
    while (meterTimestamps.size() < 4) {
      FakeCsms.Call call = csms.nextCall(WAIT);
      assertEquals(2, call.connection());
      if (call.action().equals("MeterValues")) {
        assertEquals(42, call.payload().path("transactionId").asInt(), "carries the id given to the replayed start");
        meterTimestamps.add(call.payload().path("meterValue").get(0).path("timestamp").asString());
      }
    }
    List<String> sorted = new ArrayList<>(meterTimestamps);
    sorted.sort(String::compareTo);
    assertEquals(sorted, meterTimestamps, "queued in chronological order (OCPP 1.6 §3.7)");
    assertEquals(1, metrics.counter("drops"));
    assertEquals(1, metrics.counter("tx.resent"));
    assertTrue(metrics.counter("tx.queued") >= 3, "start plus meter values queued: " + metrics.counter("tx.queued"));
    runtime.stopGenerating();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (runtime.unacknowledged() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, runtime.unacknowledged(), "everything acknowledged in the end");
  }

  @Test
  void answersTheServersCallsLikeFirmware() throws Exception {
    startCharger(new ReconnectPolicy.Immediate(), true, 0, Duration.ofSeconds(60));
    csms.nextCall("StatusNotification", WAIT);

    csms.send("[2,\"c1\",\"GetConfiguration\",{\"key\":[\"HeartbeatInterval\",\"NoSuchKey\"]}]");
    JsonNode config = csms.nextReply(WAIT);
    assertEquals(3, config.get(0).asInt());
    assertEquals("HeartbeatInterval", config.get(2).path("configurationKey").get(0).path("key").asString());
    assertEquals("300", config.get(2).path("configurationKey").get(0).path("value").asString());
    assertEquals("NoSuchKey", config.get(2).path("unknownKey").get(0).asString());

    csms.send("[2,\"c2\",\"ChangeConfiguration\",{\"key\":\"HeartbeatInterval\",\"value\":\"1\"}]");
    assertEquals("Accepted", csms.nextReply(WAIT).get(2).path("status").asString());
    FakeCsms.Call h1 = csms.nextCall("Heartbeat", Duration.ofSeconds(3));
    FakeCsms.Call h2 = csms.nextCall("Heartbeat", Duration.ofSeconds(3));
    assertTrue(h2.nanos() - h1.nanos() >= TimeUnit.MILLISECONDS.toNanos(900), "heartbeats at the new interval");

    csms.send("[2,\"c3\",\"TriggerMessage\",{\"requestedMessage\":\"StatusNotification\",\"connectorId\":1}]");
    assertEquals("Accepted", csms.nextReply(WAIT).get(2).path("status").asString());
    assertEquals(1, csms.nextCall("StatusNotification", WAIT).payload().path("connectorId").asInt());

    csms.send("[2,\"c4\",\"RemoteStartTransaction\",{\"idTag\":\"REMOTE1\"}]");
    assertEquals("Accepted", csms.nextReply(WAIT).get(2).path("status").asString());
    assertEquals("REMOTE1", csms.nextCall("StartTransaction", WAIT).payload().path("idTag").asString());

    csms.send("[2,\"c5\",\"SignCertificate\",{}]");
    JsonNode error = csms.nextReply(WAIT);
    assertEquals(4, error.get(0).asInt());
    assertEquals("c5", error.get(1).asString());
    assertEquals("NotImplemented", error.get(2).asString());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
