package io.voltgate.loadtest.spots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark driver end to end against two small HTTP fakes (a fast "indexed" one and a
 * slow "naive" one): it measures every phase, tells them apart and writes its report.
 */
class SpotBenchTest {

  @TempDir Path reports;

  @Test
  void measuresThePhasesAndReportsTheRatios() throws Exception {
    AtomicInteger searches = new AtomicInteger();
    HttpServer fast = server(0, searches);
    HttpServer slow = server(40, searches);
    try {
      Path dir = new SpotBench(Map.of(
          "indexed", "http://127.0.0.1:" + fast.getAddress().getPort(),
          "naive", "http://127.0.0.1:" + slow.getAddress().getPort(),
          "clients", "4", "seconds", "1", "warmup", "0.2", "rounds", "1", "prewarm", "0", "report-dir", reports.toString()),
          new PrintStream(new ByteArrayOutputStream())).run();
      JsonNode r = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("result.json")));
      assertEquals(3, r.path("phases").size());
      for (JsonNode p : r.path("phases")) {
        assertTrue(p.path("ok").asLong() > 0, p.toString());
        assertEquals(0, p.path("failed").asLong(), p.toString());
      }
      double naiveP50 = r.path("medians").path("naive").path("p50Ms").asDouble();
      assertTrue(naiveP50 >= 40, "the slow fake takes 40 ms: " + naiveP50);
      assertTrue(r.path("naiveP99OverIndexedP99").asDouble() > 1, r.toString());
      assertTrue(r.path("answerCheck").asString().contains("of"), r.toString());
      assertTrue(Files.readString(dir.resolve("report.md")).contains("naive p99 / indexed p99"));
      assertTrue(searches.get() > 10);
    } finally {
      fast.stop(0);
      slow.stop(0);
    }
  }

  @Test
  void pacesRequestsAndCountsFromTheScheduledStart() throws Exception {
    AtomicInteger searches = new AtomicInteger();
    HttpServer fast = server(0, searches);
    HttpServer slow = server(300, searches);
    try {
      // 40 requests/s over 4 clients: each client every 100 ms; the slow fake needs 300 ms
      Path dir = new SpotBench(Map.of(
          "indexed", "http://127.0.0.1:" + fast.getAddress().getPort(),
          "naive", "http://127.0.0.1:" + slow.getAddress().getPort(),
          "clients", "4", "seconds", "2", "warmup", "0", "rounds", "1", "rate", "40", "prewarm", "0", "report-dir", reports.toString()),
          new PrintStream(new ByteArrayOutputStream())).run();
      JsonNode r = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("result.json")));
      JsonNode indexed = r.path("phases").get(0);
      assertEquals("indexed", indexed.path("target").asString());
      double perSecond = indexed.path("requestsPerSecond").asDouble();
      assertTrue(perSecond > 30 && perSecond < 45, "paced at 40/s: " + perSecond);
      JsonNode naive = r.path("phases").get(2);
      // behind schedule: waits grow beyond the 300 ms service time, and unsent requests fail
      assertTrue(naive.path("p99Ms").asDouble() > 600, naive.toString());
      assertTrue(naive.path("failed").asLong() > 0, naive.toString());
    } finally {
      fast.stop(0);
      slow.stop(0);
    }
  }

  private static HttpServer server(long delayMs, AtomicInteger searches) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    s.setExecutor(Executors.newFixedThreadPool(8));
    s.createContext("/", exchange -> {
      if (exchange.getRequestURI().getPath().startsWith("/api/v1/spots")) {
        searches.incrementAndGet();
      }
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"spots\":[{\"spotId\":\"jp-00001\",\"connectors\":{\"total\":2}}],\"truncated\":false}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    s.start();
    return s;
  }
}
