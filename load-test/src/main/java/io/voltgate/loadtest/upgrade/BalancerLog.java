package io.voltgate.loadtest.upgrade;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WebSocket upgrades one server was sent and answered, per second, as HAProxy saw them: read
 * from the balancers' logs ({@code option httplog}, ops/haproxy/haproxy.cfg), not from the
 * simulator.
 *
 * <p>The simulator stamps a handshake when its event loop reads the 101, and it runs under
 * {@code nice} on the same two cores as the instances, HAProxy and MariaDB. HAProxy stamps every
 * request when it arrives and logs how long each step took: the request reached the server at its
 * date plus TR (request read), Tw (queue) and Tc (connect), and the server's 101 passed back Tr
 * later. The first is the rate of handshakes arriving at B (what the migrator paces); the second
 * is the rate B answered them at, which a stall of B itself (a GC pause, a slow lookup) bunches:
 * a 10,000-charger move showed at most 51 arrivals in any second and 44 then 57 answers around
 * one 180 ms stall of B.
 *
 * <p>A tunnelled WebSocket is logged when it closes, so read the logs after the fleet stopped.
 */
final class BalancerLog {

  // 127.0.0.1:52282 [06/Dec/2026:15:53:29.481] voltgate voltgate/b 0/0/0/2/25482 101 359 - - ---- ...
  private static final Pattern LINE = Pattern.compile(
      "\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}\\.\\d{3})] \\S+ [^/\\s]+/(\\S+) (-?\\d+)/(-?\\d+)/(-?\\d+)/(-?\\d+)/(-?\\d+) (\\d{3}) ");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss.SSS", Locale.ROOT);

  private BalancerLog() {
  }

  /** Per epoch second: upgrade requests that reached the server, and its 101s that passed back. */
  record Upgrades(Map<Long, Long> arrived, Map<Long, Long> answered) {}

  /**
   * Upgrades (101) of {@code server}, counted per epoch second. {@code zone} is the balancers'
   * local time zone (their log dates carry none). Missing files count nothing; lines that are no
   * request log (warnings, health-check notices) are skipped.
   */
  static Upgrades upgradesPerSecond(List<Path> logs, String server, ZoneId zone) throws IOException {
    Map<Long, Long> arrived = new TreeMap<>();
    Map<Long, Long> answered = new TreeMap<>();
    for (Path log : logs) {
      if (!Files.exists(log)) {
        continue;
      }
      try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
        String line;
        while ((line = in.readLine()) != null) {
          long[] at = upgrade(line, server, zone);
          if (at != null) {
            arrived.merge(Math.floorDiv(at[0], 1000L), 1L, Long::sum);
            answered.merge(Math.floorDiv(at[1], 1000L), 1L, Long::sum);
          }
        }
      }
    }
    return new Upgrades(arrived, answered);
  }

  /**
   * Epoch milliseconds at which the upgrade request on this log line reached {@code server} and at
   * which its 101 passed back through HAProxy; null if the line is no upgrade of that server.
   */
  static long[] upgrade(String line, String server, ZoneId zone) {
    Matcher m = LINE.matcher(line);
    if (!m.find() || !m.group(2).equals(server) || !m.group(8).equals("101")) {
      return null;
    }
    long[] step = new long[4]; // TR, Tw, Tc, Tr: -1 means that step never happened
    for (int i = 0; i < 4; i++) {
      step[i] = Long.parseLong(m.group(3 + i));
      if (step[i] < 0) {
        return null;
      }
    }
    long date;
    try {
      date = LocalDateTime.parse(m.group(1), DATE).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
    long arrived = date + step[0] + step[1] + step[2];
    return new long[] {arrived, arrived + step[3]};
  }
}
