package io.voltgate.loadtest.fleet;

import io.voltgate.loadtest.metrics.FleetMetrics;
import io.voltgate.loadtest.metrics.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Drives one process's slice of the fleet through a scenario's phases:
 * <ol>
 *   <li>boot: every charger connects (at the connect rate) and boots; barrier {@code booted};</li>
 *   <li>steady: realistic traffic for the run's time; or storm: traffic for the settle time,
 *       barrier {@code cut}, every connection dropped at once (or the server restarted by the
 *       restart command), then watched for the hold time while the chargers reconnect;</li>
 *   <li>barrier {@code stop}: no new traffic; queued transaction messages drain; whatever is still
 *       unanswered after the drain time is lost.</li>
 * </ol>
 */
public final class ScenarioRunner {

  private final FleetOptions options;
  private final Coordinator coordinator;
  private final PrintStream log;

  public ScenarioRunner(FleetOptions options, Coordinator coordinator, PrintStream log) {
    this.options = options;
    this.coordinator = coordinator;
    this.log = log;
  }

  public RunResult run(int from, int to) {
    FleetMetrics metrics = new FleetMetrics();
    try (Fleet fleet = new Fleet(options, from, to, metrics)) {
      fleet.start();
      long t0 = System.nanoTime();
      boolean booted = fleet.awaitAccepted(options.bootTimeout());
      log.printf("slice %d..%d: %d/%d accepted, %d connected after %.1f s%n", from, to,
          fleet.runtime().accepted(), fleet.size(), fleet.runtime().connected(), seconds(System.nanoTime() - t0));
      if (!booted) {
        metrics.increment("scenario.bootIncomplete");
      }
      coordinator.barrier("booted");
      Duration hold = options.duration();
      if (options.scenario() == FleetOptions.Scenario.STEADY) {
        // Right after the last boot the fleet's first StatusNotifications (one per connector) are
        // still in flight: a burst of the boot, not steady traffic. Measured apart as "settle".
        Duration settle = Duration.ofSeconds(Math.min(10, hold.toSeconds() / 4));
        fleet.runtime().phase("settle");
        steady(settle, options.stopFile());
        hold = hold.minus(settle);
      }
      fleet.runtime().phase("steady");
      switch (options.scenario()) {
        case STEADY, REFERENCE -> steady(hold, options.stopFile());
        case STORM -> {
          sleep(options.stormSettle());
          coordinator.barrier("cut");
          long cut = System.nanoTime();
          if (options.restartCommand() == null) {
            fleet.cutAll();
          } else {
            fleet.runtime().phase("storm");
          }
          boolean back = fleet.awaitReconnected(options.stormHold());
          log.printf("slice %d..%d: %s after the cut, %d connected after %.1f s%n", from, to,
              back ? "all reconnected" : "NOT all reconnected", fleet.runtime().connected(),
              seconds(System.nanoTime() - cut));
          if (!back) {
            metrics.increment("scenario.reconnectIncomplete");
          }
          sleep(options.stormHold().minus(Duration.ofNanos(System.nanoTime() - cut)));
        }
        default -> throw new IllegalStateException();
      }
      coordinator.barrier("stop");
      fleet.stopGenerating();
      boolean drained = fleet.awaitDrained(options.drainTimeout());
      log.printf("slice %d..%d: %s, %d transaction messages unanswered%n", from, to,
          drained ? "drained" : "NOT drained", fleet.runtime().unacknowledged());
      metrics.mark("end");
    }
    return metrics.snapshot();
  }

  /** Runs a shell command (the storm's server restart), echoing its output; fails on a non-zero exit. */
  public static void runCommand(String command, PrintStream log) {
    log.println("running: " + command);
    try {
      Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(log);
      int exit = p.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("restart command exited with " + exit);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The steady phase: its duration, or until the stop file appears. */
  private static void steady(Duration d, java.nio.file.Path stopFile) {
    if (stopFile == null) {
      sleep(d);
      return;
    }
    long until = System.nanoTime() + d.toNanos();
    while (System.nanoTime() < until && !java.nio.file.Files.exists(stopFile)) {
      sleep(Duration.ofMillis(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000))));
    }
  }

  private static void sleep(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
