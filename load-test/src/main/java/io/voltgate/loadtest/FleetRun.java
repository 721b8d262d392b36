package io.voltgate.loadtest;

import io.voltgate.loadtest.fleet.Coordinator;
import io.voltgate.loadtest.fleet.FleetOptions;
import io.voltgate.loadtest.fleet.ProcessLauncher;
import io.voltgate.loadtest.fleet.ScenarioRunner;
import io.voltgate.loadtest.fleet.StationRegistrar;
import io.voltgate.loadtest.metrics.RunResult;
import io.voltgate.loadtest.report.ReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One benchmark run from start to report: register the stations, run the scenario in this JVM or
 * in child JVMs, merge, and write the report. The command line and the fleet smoke IT both come
 * through here.
 */
public final class FleetRun {

  /** What a run produced: the merged measurements, the registration, and where the report is. */
  public record Outcome(RunResult result, StationRegistrar.Outcome registration, Path reportDir) {}

  private FleetRun() {
  }

  public static Outcome execute(FleetOptions options, PrintStream log) throws IOException, InterruptedException {
    StationRegistrar.Outcome registration = null;
    if (options.register()) {
      registration = new StationRegistrar(options).registerAll();
      log.printf("registered %d stations (%d failed) in %.1f s%n", registration.registered(),
          registration.failed(), registration.took().toMillis() / 1000.0);
      if (registration.failed() > 0) {
        throw new IllegalStateException("registration failed: " + registration.firstErrors());
      }
    }
    Coordinator.BarrierAction action = barrier -> {
      if (barrier.equals("cut") && options.restartCommand() != null) {
        ScenarioRunner.runCommand(options.restartCommand(), log);
      }
    };
    RunResult result;
    if (options.forks()) {
      result = new ProcessLauncher(options, log).run(action);
    } else {
      result = new ScenarioRunner(options, Coordinator.local(action), log).run(0, options.chargers());
    }
    Path dir = new ReportWriter(options, result, registration).write();
    log.println("report: " + dir.toAbsolutePath().resolve("report.md"));
    return new Outcome(result, registration, dir);
  }
}
