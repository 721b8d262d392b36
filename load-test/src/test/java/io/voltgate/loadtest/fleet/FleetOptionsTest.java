package io.voltgate.loadtest.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.loadtest.charger.ReconnectPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetOptionsTest {

  @Test
  void stormDefaultsToTheNaiveImmediateReconnectAndSteadyToOcppBackOff() {
    assertEquals(new ReconnectPolicy.Immediate(), FleetOptions.parse("storm").profile().reconnect());
    assertEquals(new ReconnectPolicy.BackOff(Duration.ofSeconds(3), Duration.ofSeconds(10), 5),
        FleetOptions.parse("steady").profile().reconnect());
  }

  @Test
  void spreadsChargersOverTheGivenUrlsAndDerivesTheAdminUrlFromTheFirst() {
    FleetOptions o = FleetOptions.parse("steady", "--url", "ws://127.0.0.1:29080/ocpp,ws://127.0.0.1:29081/ocpp",
        "--chargers", "10", "--minutes", "0.5");
    assertEquals(URI.create("ws://127.0.0.1:29080/ocpp"), o.url(0));
    assertEquals(URI.create("ws://127.0.0.1:29081/ocpp"), o.url(1));
    assertEquals(URI.create("http://127.0.0.1:29080"), o.adminUrl());
    assertEquals(Duration.ofSeconds(30), o.duration());
    assertEquals("LT-000007", o.stationId(7));
  }

  @Test
  void forksAChildJvmPerNineThousandChargersByDefault() {
    assertEquals(1, FleetOptions.parse("steady", "--chargers", "9000").processCount());
    assertEquals(2, FleetOptions.parse("steady", "--chargers", "9001").processCount());
    assertEquals(4, FleetOptions.parse("steady", "--chargers", "30000").processCount());
  }

  @Test
  void aNicenessRunsEvenASmallFleetInAChildJvm() {
    assertFalse(FleetOptions.parse("steady", "--chargers", "2000").forks());
    FleetOptions niced = FleetOptions.parse("steady", "--chargers", "2000", "--nice", "10");
    assertTrue(niced.forks());
    assertEquals(1, niced.processCount());
    assertEquals(10, niced.nice());
    assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("steady", "--nice", "20"));
    assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("steady", "--nice", "-1"));
  }

  @Test
  void bindsFurtherLoopbackSourceAddressesOnlyWhenOneRunsOutOfPorts() {
    assertNull(FleetOptions.parse("steady", "--chargers", "20000").localAddress(5));
    FleetOptions big = FleetOptions.parse("steady", "--chargers", "60000");
    Set<String> sources = new HashSet<>();
    for (int i = 0; i < 60000; i++) {
      sources.add(big.localAddress(i).getHostString());
    }
    assertEquals(Set.of("127.0.0.1", "127.0.0.2", "127.0.0.3"), sources);
  }

  @Test
  void refusesUnknownOptionsAndScenarios() {
    assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("steady", "--charger", "5"));
    assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("soak"));
    assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("steady", "--url", "http://x/ocpp"));
    assertTrue(FleetOptions.USAGE.contains("--reconnect"));
  }
}
