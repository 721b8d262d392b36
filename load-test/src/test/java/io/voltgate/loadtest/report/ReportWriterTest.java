package io.voltgate.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.loadtest.fleet.FleetOptions;
import io.voltgate.loadtest.metrics.FleetMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportWriterTest {

  @TempDir
  Path dir;

  @Test
  void writesSummaryChartsAndAReportThatLinksThem() throws Exception {
    FleetMetrics m = new FleetMetrics();
    m.mark("start");
    m.tick("handshake.101");
    m.increment("handshake.101");
    m.sample("connected", 1);
    m.recordNanos("connect", 12_000_000);
    m.recordNanos("reconnect", 40_000_000);
    m.recordNanos("call.Heartbeat", 2_000_000);
    m.add("tx.generated", 3);
    m.add("tx.acknowledged", 3);
    m.mark("cut");
    FleetOptions options = FleetOptions.parse("storm", "--chargers", "1", "--report-dir", dir.toString(), "--run", "r1");

    Path out = new ReportWriter(options, m.snapshot(), null).write();

    assertEquals(dir.resolve("r1"), out);
    JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
    assertEquals(1, summary.path("handshakes").path("101").asInt());
    assertEquals(3, summary.path("transactionMessages").path("acknowledged").asInt());
    assertEquals(2.0, summary.path("latencyMs").path("Heartbeat").path("p50").asDouble(), 0.01);
    assertTrue(summary.has("storm"));
    String md = Files.readString(out.resolve("report.md"));
    for (String chart : new String[] {"sessions.svg", "handshakes.svg", "latency.svg", "reconnect.svg"}) {
      assertTrue(md.contains("(" + chart + ")"), chart + " linked");
      // each chart is well-formed XML
      DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve(chart).toFile());
    }
  }
}
