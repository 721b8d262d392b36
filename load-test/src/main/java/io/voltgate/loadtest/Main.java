package io.voltgate.loadtest;

import io.voltgate.loadtest.fleet.Coordinator;
import io.voltgate.loadtest.fleet.FleetOptions;
import io.voltgate.loadtest.fleet.ProcessLauncher;
import io.voltgate.loadtest.fleet.ScenarioRunner;
import io.voltgate.loadtest.metrics.RunResult;

/**
 * {@code java -jar voltgate-load-test.jar (steady|storm) [options]} (see
 * {@link FleetOptions#USAGE}). With {@code --slice} and {@code --result} it is a child process
 * of a larger run and talks to its parent over stdin/stdout.
 */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) throws Exception {
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
