package io.voltgate.loadtest.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessLauncherTest {

  @Test
  void childrenGetTheHeapGcAndJitOptionsButNotAgentsDebugPortsOrProperties() {
    List<String> coordinator = List.of(
        "-XX:TieredStopAtLevel=1", "-Xmx2g", "-Dvoltgate.some=1", "-javaagent:/x.jar",
        "-agentlib:jdwp=transport=dt_socket", "-Xrunjdwp:transport=dt_socket", "-Xdebug", "-XX:+UseSerialGC");
    assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xmx2g", "-XX:+UseSerialGC"), ProcessLauncher.inheritable(coordinator));
  }
}
