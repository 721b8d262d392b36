package io.voltgate.loadtest;

import io.voltgate.loadtest.fleet.Coordinator;
import io.voltgate.loadtest.fleet.FleetOptions;
import io.voltgate.loadtest.fleet.ProcessLauncher;
import io.voltgate.loadtest.fleet.ScenarioRunner;
import io.voltgate.loadtest.metrics.RunResult;

/**
 * {@code java -jar voltgate-load-test.jar (steady|storm) [options]} (see
 * {@link FleetOptions#USAGE}); {@code generate-spots} and {@code spot-bench} are the spot-search
 * dataset and benchmark of issue 4 (package {@code spots}); {@code echo} the plain-WebSocket
 * baseline of issue 3's latency goal (package {@code echo}). With {@code --slice} and {@code --result} it is a child process
 * of a larger run and talks to its parent over stdin/stdout.
 */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("echo")) {
      try {
        io.voltgate.loadtest.echo.EchoProbe.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        System.exit(2);
      }
      return;
    }
    if (args.length > 0 && (args[0].equals("generate-spots") || args[0].equals("spot-bench"))) {
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      try {
        if (args[0].equals("generate-spots")) {
          io.voltgate.loadtest.spots.GenerateSpots.run(rest, System.out);
        } else {
          io.voltgate.loadtest.spots.SpotBench.main(rest);
        }
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        System.exit(2);
      }
      return;
    }
    FleetOptions options;
    try {
      options = FleetOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (options.isChild()) {
      RunResult result = new ScenarioRunner(options, Coordinator.child(System.out), System.out)
          .run(options.sliceFrom(), options.sliceTo());
      ProcessLauncher.writeResult(result, options.resultFile());
      return;
    }
    FleetRun.execute(options, System.out);
  }
}
