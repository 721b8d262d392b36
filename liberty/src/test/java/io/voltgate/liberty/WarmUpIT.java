package io.voltgate.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.AdminApi.Credentials;
import io.voltgate.liberty.support.AdminApi.Response;
import io.voltgate.liberty.support.Eventually;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.sharedkernel.SyntheticTraffic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The start-up warm-up: readiness reports it done, with every warm-up request answered as
 * expected; and the searches it sends (marked synthetic) stay out of the search histogram that
 * real searches go into.
 */
class WarmUpIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void readinessReportsTheWarmUpDoneWithEveryAnswerAsExpected() {
    // The suite may start before the warm-up ends (the server is up, not yet ready): wait for it.
    Response ready = Eventually.await(Duration.ofSeconds(60),
        () -> AdminApi.request("GET", "/health/ready", null, Credentials.NONE),
        r -> "UP".equals(warmUpCheck(r).path("status").asString("")), "the warm-up to finish");
    JsonNode check = warmUpCheck(ready);
    assertTrue(!check.isMissingNode(), "a warm-up check in " + ready.body());
    assertEquals("UP", check.path("status").asString(""), ready.body());
    // the IT server's configured count, plus nothing lost on the way
    assertEquals(300, check.path("data").path("requests").asLong(-1), ready.body());
    assertEquals(0, check.path("data").path("unexpected").asLong(-1), ready.body());
    // the charger warm-up: 2 stations x 3 connections x (Boot, 3 StatusNotifications, 8 Heartbeats)
    assertEquals(2 * 3 * 12, check.path("data").path("ocppAnswered").asLong(-1), ready.body());
    assertEquals(0, check.path("data").path("ocppUnexpected").asLong(-1), ready.body());
  }

  @Test
  void theChargerWarmUpLeavesNoStationBehind() {
    Eventually.await(Duration.ofSeconds(60),
        () -> AdminApi.request("GET", "/health/ready", null, Credentials.NONE),
        r -> "UP".equals(warmUpCheck(r).path("status").asString("")), "the warm-up to finish");
    // its stations are WARM-UP-<8 hex>-<n>; the in-process station reads' WARM-UP-<n> never exist
    Response page = AdminApi.request("GET", "/api/v1/stations?after=WARM-UP-&limit=200", null, Credentials.admin());
    assertEquals(200, page.status(), page.body());
    for (JsonNode s : page.json().path("items")) {
      String id = s.path("stationId").asString("");
      assertTrue(!id.matches("WARM-UP-[0-9a-f]{8}-[0-9]+"), "warm-up station left behind: " + id);
    }
  }

  @Test
  void syntheticSearchesAreServedButNotCounted() throws Exception {
    String uri = ItEnvironment.httpBase() + "/api/v1/spots?lat=35.68&lng=139.76&radiusKm=3";
    double before = searchCount();
    HttpResponse<String> synthetic = HTTP.send(HttpRequest.newBuilder(URI.create(uri))
        .header(SyntheticTraffic.HEADER, "it").timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, synthetic.statusCode());
    assertTrue(synthetic.body().contains("\"spots\""), synthetic.body());
    assertEquals(before, searchCount(), "a synthetic search is not counted");
    HttpResponse<String> real = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, real.statusCode());
    assertEquals(before + 1, searchCount(), "a real one is");
  }

  private static JsonNode warmUpCheck(Response ready) {
    for (JsonNode c : ready.json().path("checks")) {
      if ("warm-up".equals(c.path("name").asString(""))) {
        return c;
      }
    }
    return ready.json().path("no-warm-up-check");
  }

  private static double searchCount() {
    Response metrics = AdminApi.request("GET", "/metrics", null, Credentials.NONE);
    return metrics.body().lines()
        .filter(l -> l.startsWith("voltgate_spot_search_seconds_count"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst().orElseThrow(() -> new AssertionError("no search histogram in /metrics"));
  }
}
