package io.voltgate.loadtest.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalancerLogTest {

  private static final ZoneId UTC = ZoneOffset.UTC;

  @TempDir Path dir;

  private static long at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @Test
  void anUpgradeReachesTheServerAfterTheRequestQueueAndConnectTimesAndIsAnsweredTrLater() {
    String line = "127.0.0.1:52282 [06/Dec/2026:15:53:29.481] voltgate voltgate/b 3/10/1/600/25482 101 359 - - ---- "
        + "2020/2000/1999/1999/0 0/0 \"GET /ocpp/E2E-000039 HTTP/1.1\"";
    long[] upgrade = BalancerLog.upgrade(line, "b", UTC);
    assertEquals(at("2026-12-06T15:53:29.495"), upgrade[0], "29.481 s + 3 + 10 + 1 ms");
    assertEquals(at("2026-12-06T15:53:30.095"), upgrade[1], "+ 600 ms: the answer crossed into the next second");
    assertNull(BalancerLog.upgrade(line, "a", UTC), "another server's upgrade");
  }

  @Test
  void refusalsFailuresAndNoticesAreNoUpgrades() {
    assertNull(BalancerLog.upgrade("127.0.0.1:51000 [06/Dec/2026:15:53:29.481] voltgate voltgate/b "
        + "0/0/0/2/2 503 217 - - ---- 1/1/0/0/0 0/0 \"GET /ocpp/E2E-000001 HTTP/1.1\"", "b", UTC));
    assertNull(BalancerLog.upgrade("127.0.0.1:59074 [06/Dec/2026:15:50:22.607] voltgate "
        + "voltgate/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 1/1/0/0/0 0/0 \"GET /health/ready HTTP/1.1\"", "b", UTC));
    assertNull(BalancerLog.upgrade("127.0.0.1:51001 [06/Dec/2026:15:53:29.481] voltgate voltgate/b "
        + "0/0/-1/-1/3001 101 0 - - CC-- 1/1/0/0/3 0/0 \"GET /ocpp/E2E-000002 HTTP/1.1\"", "b", UTC),
        "a step that never happened (-1) has no answer time");
    assertNull(BalancerLog.upgrade("Server voltgate/b is UP, reason: Layer7 check passed, code: 200",
        "b", UTC));
  }

  @Test
  void countsPerSecondAcrossEveryBalancersLogAndSkipsAMissingOne() throws Exception {
    Path first = dir.resolve("haproxy.log");
    Path second = dir.resolve("haproxy-1.log");
    Files.writeString(first, String.join("\n",
        "[WARNING]  (14401) : Server voltgate/a is DOWN, reason: Layer4 connection problem",
        "127.0.0.1:1 [06/Dec/2026:15:53:29.100] voltgate voltgate/b 0/0/0/2/1 101 359 - - ---- 1/1/1/1/0 0/0 \"GET /ocpp/X1 HTTP/1.1\"",
        "127.0.0.1:2 [06/Dec/2026:15:53:29.990] voltgate voltgate/b 0/0/0/20/1 101 359 - - ---- 1/1/1/1/0 0/0 \"GET /ocpp/X2 HTTP/1.1\"",
        "127.0.0.1:3 [06/Dec/2026:15:53:29.500] voltgate voltgate/a 0/0/0/2/1 101 359 - - ---- 1/1/1/1/0 0/0 \"GET /ocpp/X3 HTTP/1.1\"",
        ""));
    Files.writeString(second,
        "127.0.0.1:4 [06/Dec/2026:15:53:29.400] voltgate voltgate/b 0/0/0/3/1 101 359 - - ---- 1/1/1/1/0 0/0 \"GET /ocpp/X4 HTTP/1.1\"\n");

    BalancerLog.Upgrades perSecond =
        BalancerLog.upgradesPerSecond(List.of(first, second, dir.resolve("haproxy-2.log")), "b", UTC);

    long second29 = at("2026-12-06T15:53:29") / 1000;
    assertEquals(Map.of(second29, 3L), perSecond.arrived(), "X1, X2 and X4 reached B in :29; X3 went to A");
    assertEquals(Map.of(second29, 2L, second29 + 1, 1L), perSecond.answered(), "X2 was answered at :30.010");
  }
}
