package io.voltgate.loadtest.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
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
}
