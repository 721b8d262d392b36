package io.voltgate.chargermgmt.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forwards a command to the instance that holds the station's socket (CONTRACT §2: "any
 * instance takes the call"). The request goes to that instance's own command endpoint with the
 * caller's credentials and a {@value #FORWARDED_BY} header, so it is authorised the same way and
 * is never forwarded twice; its status and body come back unchanged.
 */
@ApplicationScoped
public class CommandForwarder {

  public static final String FORWARDED_BY = "Voltgate-Forwarded-By";

  @Inject
  @ConfigProperty(name = "voltgate.ocpp.call-timeout-seconds", defaultValue = "30")
  int callTimeoutSeconds;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();

  /** The holding instance's answer: status, content type and body as it sent them. */
  public record Answer(int status, String contentType, String body) {}

  public CompletableFuture<Answer> forward(
      String baseUrl, String stationId, String action, String body, String authorization, String fromInstance) {
    String path = "/api/v1/stations/" + encode(stationId) + "/commands/" + encode(action);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(baseUrl) + path))
        .timeout(Duration.ofSeconds(callTimeoutSeconds + 5L))
        .header("Content-Type", "application/json")
        .header(FORWARDED_BY, fromInstance)
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"), r.body()));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Percent-encodes a path segment (station ids may hold @ | = + *). */
  private static String encode(String segment) {
    return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
