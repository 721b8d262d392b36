package io.voltgate.loadtest.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines the phases of a fleet spread over several JVMs up: a scenario calls
 * {@link #barrier(String)} at each phase boundary and continues only when every process got
 * there. In one JVM a barrier is immediate; a child process says {@code BARRIER name} on its
 * stdout and waits for {@code GO name} on its stdin from the {@link ProcessLauncher}. The
 * process that owns the barrier also runs what belongs to it exactly once (the storm's restart
 * command).
 */
public interface Coordinator {

  void barrier(String name);

  /** A fleet in this JVM only; runs the barrier's action itself. */
  static Coordinator local(BarrierAction action) {
    return action::run;
  }

  /** What happens once at a barrier, when every process has reached it. */
  @FunctionalInterface
  interface BarrierAction {
    void run(String barrier);
  }

  /** A child process: the parent runs the barrier actions. */
  static Coordinator child(PrintStream toParent) {
    BufferedReader fromParent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return name -> {
      toParent.println("BARRIER " + name);
      toParent.flush();
      try {
        String line;
        while ((line = fromParent.readLine()) != null) {
          if (line.equals("GO " + name)) {
            return;
          }
        }
        throw new IllegalStateException("the parent process went away at barrier " + name);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
