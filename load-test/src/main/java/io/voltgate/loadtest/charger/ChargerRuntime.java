package io.voltgate.loadtest.charger;

import io.netty.channel.EventLoopGroup;
import io.voltgate.loadtest.metrics.FleetMetrics;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the chargers of one process share: the event loops, the metrics, the profile, and the
 * fleet-wide gauges the scenario watches (connected, accepted, unacknowledged transaction
 * messages).
 */
public final class ChargerRuntime {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  final EventLoopGroup group;
  final FleetMetrics metrics;
  final ChargerProfile profile;
  final AtomicInteger connected = new AtomicInteger();
  final AtomicInteger accepted = new AtomicInteger();
  final AtomicLong unacknowledged = new AtomicLong();
  volatile boolean generating = true;
  /** Called once per charger when it is up (booted; in the reference method, its Heartbeat answered). */
  volatile Runnable onSettled = () -> { };
  /** The scenario's current phase; latencies are also recorded per phase ({@code steady:call.Heartbeat}). */
  volatile String phase = "boot";

  public ChargerRuntime(EventLoopGroup group, FleetMetrics metrics, ChargerProfile profile) {
    this.group = group;
    this.metrics = metrics;
    this.profile = profile;
  }

  /** Chargers whose WebSocket is open now. */
  public int connected() {
    return connected.get();
  }

  /** Chargers whose boot has been Accepted at least once. */
  public int accepted() {
    return accepted.get();
  }

  /** Transaction-related messages generated and not yet acknowledged by the server. */
  public long unacknowledged() {
    return unacknowledged.get();
  }

  public FleetMetrics metrics() {
    return metrics;
  }

  /** Latencies recorded from now on also go to histograms named {@code phase + ":" + name}. */
  public void phase(String phase) {
    this.phase = phase;
  }

  void recordLatency(String name, long nanos) {
    metrics.recordNanos(name, nanos);
    metrics.recordNanos(phase + ":" + name, nanos);
  }

  /** Runs {@code callback} whenever a charger is up (the fleet's in-flight gate). */
  public void onSettled(Runnable callback) {
    this.onSettled = callback;
  }

  void settled() {
    onSettled.run();
  }

  /** Stops generating new traffic (heartbeats, status, transactions); queues still drain. */
  public void stopGenerating() {
    generating = false;
  }
}
