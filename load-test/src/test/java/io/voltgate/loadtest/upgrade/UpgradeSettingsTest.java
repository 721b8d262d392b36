package io.voltgate.loadtest.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UpgradeSettingsTest {

  @Test
  void probesAtFiftyPerSecondEachAndRunsTheFleetBelowTheServersByDefault() {
    UpgradeScenario.Settings s = UpgradeScenario.Settings.parse(new String[] {"--chargers", "2000"});
    assertEquals(50, s.searchRate());
    assertEquals(50, s.stationRate());
    assertEquals(10, s.fleetNice());
    assertEquals(List.of("graceful", "plain", "crash"), s.modes());
    assertEquals(10, s.admissionBurst()); // a tenth of the admission rate
    assertEquals(1, s.lbProcesses());
  }

  @Test
  void takesProbeRatesAndNicenessAndASecondHaproxyAboveNineThousand() {
    UpgradeScenario.Settings s = UpgradeScenario.Settings.parse(new String[] {
        "--chargers", "15000", "--search-rate", "20", "--station-rate", "10", "--fleet-nice", "0", "--mode", "crash"});
    assertEquals(20, s.searchRate());
    assertEquals(10, s.stationRate());
    assertEquals(0, s.fleetNice());
    assertEquals(List.of("crash"), s.modes());
    assertEquals(2, s.lbProcesses());
  }

  @Test
  void refusesARateOutsideOneToAThousandAndAnUnknownMode() {
    assertThrows(IllegalArgumentException.class, () -> UpgradeScenario.Settings.parse(new String[] {"--search-rate", "0"}));
    assertThrows(IllegalArgumentException.class, () -> UpgradeScenario.Settings.parse(new String[] {"--station-rate", "5000"}));
    assertThrows(IllegalArgumentException.class, () -> UpgradeScenario.Settings.parse(new String[] {"--mode", "reboot"}));
  }

  @Test
  void runsTheInstancesWithTheHeapTheKubernetesManifestShips() throws IOException {
    String manifest = Files.readString(Path.of("../ops/k8s/voltgate.yaml"));
    Matcher m = Pattern.compile("\\{name: JVM_ARGS, value: \"([^\"]*)\"}").matcher(manifest);
    assertTrue(m.find(), "ops/k8s/voltgate.yaml sets JVM_ARGS");
    assertEquals(m.group(1), UpgradeScenario.Settings.parse(new String[0]).serverJvmArgs());
    assertEquals("-Xms512m", UpgradeScenario.Settings.parse(new String[] {"--server-jvm-args", "-Xms512m"}).serverJvmArgs());
  }

  @Test
  void letsTheCallersJvmArgsComeLastSoTheyWin() {
    assertEquals("-Xms1g -Xmx2g", UpgradeScenario.serverJvmArgs("-Xms1g -Xmx2g", null));
    assertEquals("-Xms1g -Xmx2g", UpgradeScenario.serverJvmArgs("-Xms1g -Xmx2g", " "));
    assertEquals("-Xms1g -Xmx2g -Xmx4g -XX:+UseZGC", UpgradeScenario.serverJvmArgs("-Xms1g -Xmx2g", "-Xmx4g -XX:+UseZGC"));
  }
}
