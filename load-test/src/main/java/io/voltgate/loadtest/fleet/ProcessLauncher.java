package io.voltgate.loadtest.fleet;

import io.voltgate.loadtest.Main;
import io.voltgate.loadtest.metrics.RunResult;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spreads a fleet over child JVMs, each holding at most {@code --per-process} sockets (every
 * process here may open at most 20,000 files): forks {@code java -cp <this classpath> Main} with
 * the run's own arguments plus a slice, lines the children's phases up at their barriers, runs
 * the barrier actions (the storm's restart command) once, and merges the children's results.
 */
public final class ProcessLauncher {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private record Line(int child, String text) {}

  private final FleetOptions options;
  private final PrintStream log;

  public ProcessLauncher(FleetOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  public RunResult run(Coordinator.BarrierAction action) throws IOException, InterruptedException {
    int n = options.processCount();
    Path dir = Files.createTempDirectory("voltgate-load-");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = classpath();
    List<Process> children = new ArrayList<>();
    List<Path> results = new ArrayList<>();
    BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    for (int k = 0; k < n; k++) {
      int from = (int) ((long) k * options.chargers() / n);
      int to = (int) ((long) (k + 1) * options.chargers() / n);
      Path result = dir.resolve("child-" + k + ".json");
      results.add(result);
      List<String> cmd = new ArrayList<>();
      if (options.nice() > 0) {
        cmd.addAll(List.of("nice", "-n", Integer.toString(options.nice())));
      }
      cmd.add(java);
      cmd.addAll(inheritedJvmOptions());
      cmd.addAll(List.of("-cp", classpath, Main.class.getName()));
      cmd.addAll(options.rawArgs());
      cmd.addAll(List.of("--no-register", "--run", options.runName(), "--slice", from + ":" + to,
          "--result", result.toString(), "--processes", "1"));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      children.add(p);
      int child = k;
      Thread reader = new Thread(() -> pipe(p, child, lines), "child-" + k + "-out");
      reader.setDaemon(true);
      reader.start();
      log.printf("child %d: chargers %d..%d, pid %d%n", k, from, to, p.pid());
    }
    int alive = n;
    Map<String, Integer> arrived = new LinkedHashMap<>();
    Set<String> released = new HashSet<>();
    while (alive > 0) {
      Line line = lines.take();
      if (line.text() == null) {
        alive--; // a child that died must not hold the others at a barrier for ever
      } else if (line.text().startsWith("BARRIER ")) {
        arrived.merge(line.text().substring("BARRIER ".length()), 1, Integer::sum);
      } else {
        log.println("[child " + line.child() + "] " + line.text());
        continue;
      }
      for (Map.Entry<String, Integer> barrier : arrived.entrySet()) {
        if (barrier.getValue() >= alive && alive > 0 && released.add(barrier.getKey())) {
          action.run(barrier.getKey());
          for (Process p : children) {
            if (p.isAlive()) {
              Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
              w.write("GO " + barrier.getKey() + "\n");
              w.flush();
            }
          }
        }
      }
    }
    List<RunResult> parts = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int exit = children.get(k).waitFor();
      if (exit != 0 || !Files.exists(results.get(k))) {
        throw new IllegalStateException("child " + k + " failed (exit " + exit + ")");
      }
      parts.add(JSON.readValue(results.get(k).toFile(), RunResult.class));
    }
    return RunResult.merge(parts);
  }

  private static void pipe(Process p, int child, BlockingQueue<Line> lines) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(new Line(child, line));
      }
    } catch (IOException e) {
      lines.add(new Line(child, "output lost: " + e));
    } finally {
      lines.add(new Line(child, null));
    }
  }

  /**
   * The coordinator's own heap, GC and JIT options ({@code -X…}), so a simulator setting given
   * once (fleet-bench's {@code FLEET_BENCH_SIM_JVM_ARGS}) holds for every child too. Agents, debug
   * ports and system properties stay with the coordinator.
   */
  static List<String> inheritedJvmOptions() {
    return inheritable(ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  static List<String> inheritable(List<String> jvmArguments) {
    return jvmArguments.stream()
        .filter(a -> a.startsWith("-X") && !a.startsWith("-Xrunjdwp") && !a.startsWith("-Xdebug"))
        .toList();
  }

  /**
   * The classpath this JVM runs the simulator from: the shaded jar, {@code java -cp}, or under
   * {@code mvn exec:java} the plugin's class loader (whose {@code java.class.path} is Maven's).
   */
  static String classpath() {
    ClassLoader loader = Main.class.getClassLoader();
    if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
      List<String> entries = new ArrayList<>();
      for (URL url : urls.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          entries.add(url.getPath());
        }
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  /** Child side: writes this slice's result where the parent will read it. */
  public static void writeResult(RunResult result, Path file) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(result));
  }
}
