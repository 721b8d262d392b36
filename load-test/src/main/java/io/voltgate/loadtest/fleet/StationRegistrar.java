package io.voltgate.loadtest.fleet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers the fleet's stations ({@code PUT /api/v1/stations/{id}}, CONTRACT §2) and its id tag
 * before any charger connects, at most {@code concurrency} requests at a time so registration
 * does not itself become the load test. PUT is idempotent: re-running a scenario just updates.
 */
public final class StationRegistrar {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How registration went. */
  public record Outcome(int registered, int failed, Duration took, List<String> firstErrors) {}

  private final FleetOptions options;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  public StationRegistrar(FleetOptions options) {
    this.options = options;
  }

  public Outcome registerAll() throws InterruptedException {
    long start = System.nanoTime();
    List<String> errors = new ArrayList<>();
    boolean tagOk = putOrFail("/api/v1/id-tags/" + options.profile().idTag(),
        JSON.createObjectNode().put("status", "Accepted"), errors);
    Semaphore permits = new Semaphore(options.registerConcurrency());
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < options.chargers(); i++) {
      permits.acquire();
      String id = options.stationId(i);
      all.add(putWithRetry("/api/v1/stations/" + id, stationBody(), 3)
          .whenComplete((status, error) -> {
            permits.release();
            if (error == null && (status == 200 || status == 201)) {
              ok.incrementAndGet();
            } else {
              failed.incrementAndGet();
              synchronized (errors) {
                if (errors.size() < 5) {
                  errors.add(id + ": " + (error != null ? error : "HTTP " + status));
                }
              }
            }
          }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    return new Outcome(ok.get(), failed.get() + (tagOk ? 0 : 1),
        Duration.ofNanos(System.nanoTime() - start), List.copyOf(errors));
  }

  private ObjectNode stationBody() {
    ObjectNode body = JSON.createObjectNode();
    if (options.profile().password() != null) {
      body.put("password", options.profile().password());
    }
    ArrayNode connectors = body.putArray("connectors");
    for (int c = 1; c <= options.profile().connectors(); c++) {
      connectors.addObject().put("connectorId", c).put("type", c % 2 == 1 ? "CCS2" : "Type2")
          .put("maxPowerKw", c % 2 == 1 ? 150 : 22);
    }
    return body;
  }

  private boolean putOrFail(String path, ObjectNode body, List<String> errors) {
    try {
      int status = putWithRetry(path, body, 3).join();
      if (status == 200 || status == 201) {
        return true;
      }
      errors.add(path + ": HTTP " + status);
    } catch (RuntimeException e) {
      errors.add(path + ": " + e);
    }
    return false;
  }

  private CompletableFuture<Integer> putWithRetry(String path, ObjectNode body, int attempts) {
    String token = Base64.getEncoder().encodeToString(
        (options.adminUser() + ":" + options.adminPassword()).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(options.adminUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + token)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle((response, error) -> {
          boolean retry = error != null || response.statusCode() >= 500;
          if (retry && attempts > 1) {
            return putWithRetry(path, body, attempts - 1);
          }
          if (error != null) {
            return CompletableFuture.<Integer>failedFuture(error);
          }
          return CompletableFuture.completedFuture(response.statusCode());
        })
        .thenCompose(f -> f);
  }
}
