package io.voltgate.loadtest.fleet;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.voltgate.loadtest.charger.ChargerRuntime;
import io.voltgate.loadtest.charger.SimulatedCharger;
import io.voltgate.loadtest.metrics.FleetMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The chargers {@code [from, to)} of a fleet, running in this JVM on one Netty event-loop group
 * ({@code --io-threads} threads for all sockets), plus a sampler that records the connected /
 * accepted / unacknowledged gauges twice a second.
 */
public final class Fleet implements AutoCloseable {

  private final FleetOptions options;
  private final FleetMetrics metrics;
  private final EventLoopGroup group;
  private final ChargerRuntime runtime;
  private final List<SimulatedCharger> chargers = new ArrayList<>();
  private final ScheduledExecutorService sampler;

  public Fleet(FleetOptions options, int from, int to, FleetMetrics metrics) {
    this.options = options;
    this.metrics = metrics;
    this.group = new NioEventLoopGroup(options.ioThreads(), new DefaultThreadFactory("charger-io", true));
    this.runtime = new ChargerRuntime(group, metrics, options.profile());
    for (int i = from; i < to; i++) {
      chargers.add(new SimulatedCharger(runtime, options.stationId(i), options.url(i),
          options.localAddress(i), options.seed() * 1_000_003L + i));
    }
    this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fleet-sampler");
      t.setDaemon(true);
      return t;
    });
  }

  public int size() {
    return chargers.size();
  }

  public ChargerRuntime runtime() {
    return runtime;
  }

  /**
   * Powers the chargers up at this slice's share of the fleet's connect rate, or, with an
   * in-flight limit, keeps that share of chargers connecting at once: each one that is up lets
   * the next one start.
   */
  public void start() {
    metrics.mark("start");
    sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    double share = (double) chargers.size() / options.chargers();
    if (options.inFlight() > 0) {
      int window = Math.max(1, (int) Math.ceil(options.inFlight() * share));
      AtomicInteger next = new AtomicInteger(Math.min(window, chargers.size()));
      runtime.onSettled(() -> {
        int i = next.getAndIncrement();
        if (i < chargers.size()) {
          chargers.get(i).start(Duration.ZERO);
        }
      });
      for (int i = 0; i < Math.min(window, chargers.size()); i++) {
        chargers.get(i).start(Duration.ZERO);
      }
      return;
    }
    double rate = Math.max(options.connectRate() * share, 1e-3);
    for (int i = 0; i < chargers.size(); i++) {
      chargers.get(i).start(Duration.ofNanos((long) (i * 1e9 / rate)));
    }
  }

  private void sample() {
    metrics.sample("connected", runtime.connected());
    metrics.sample("accepted", runtime.accepted());
    metrics.sample("unacknowledged", runtime.unacknowledged());
  }

  /** Waits until every charger's boot was Accepted; marks {@code booted} when so. */
  public boolean awaitAccepted(Duration timeout) {
    boolean all = await(() -> runtime.accepted() >= chargers.size(), timeout);
    if (all) {
      metrics.mark("booted");
    }
    return all;
  }

  /** Drops every connection at once (no close frame): the storm. */
  public void cutAll() {
    runtime.phase("storm");
    metrics.mark("cut");
    chargers.forEach(SimulatedCharger::cut);
  }

  /** Waits until every charger is connected again; marks {@code recovered} when so. */
  public boolean awaitReconnected(Duration timeout) {
    // the cut is asynchronous: first see the sockets go, then come back
    await(() -> runtime.connected() < chargers.size(), Duration.ofSeconds(5));
    boolean all = await(() -> runtime.connected() >= chargers.size(), timeout);
    if (all) {
      metrics.mark("recovered");
    }
    return all;
  }

  public void stopGenerating() {
    runtime.phase("drain");
    runtime.stopGenerating();
    metrics.mark("stopGenerating");
  }

  /** Waits until every generated transaction message has been answered. */
  public boolean awaitDrained(Duration timeout) {
    return await(() -> runtime.unacknowledged() == 0, timeout);
  }

  /** Closes every socket; whatever transaction message is still unanswered now is lost. */
  @Override
  public void close() {
    chargers.forEach(SimulatedCharger::shutdown);
    sample();
    sampler.shutdownNow();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    // counted once the event loops are done, so no acknowledgement or new message can follow
    metrics.add("tx.lost", runtime.unacknowledged());
  }

  static boolean await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
