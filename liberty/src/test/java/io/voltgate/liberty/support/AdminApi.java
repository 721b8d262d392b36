package io.voltgate.liberty.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;

/**
 * The REST API of CONTRACT.md §2 as seen by an operator's tool: plain {@link HttpClient} calls
 * with Basic credentials, answering status, headers and the parsed JSON body.
 */
public final class AdminApi {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** Which Basic credentials a request carries. */
    public record Credentials(String user, String password) {
        public static final Credentials NONE = new Credentials(null, null);

        public static Credentials admin() {
            return new Credentials(ItEnvironment.adminUser(), ItEnvironment.adminPassword());
        }
    }

    /** An HTTP answer: status, headers, raw body, and the body parsed as JSON (null if not JSON). */
    public record Response(int status, HttpHeaders headers, String body, JsonNode json) {
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + contentType() + " " + body;
        }
    }

    private AdminApi() {
    }

    // ------------------------------------------------------------------ stations

    public static Response putStation(String stationId, JsonNode body) {
        return request("PUT", "/api/v1/stations/" + ItEnvironment.pathSegment(stationId), body, Credentials.admin());
    }

    /** Registers a station without password or connectors; fails unless 201/200. */
    public static String registerStation(String stationId) {
        return registerStation(stationId, Payloads.object());
    }

    public static String registerStation(String stationId, JsonNode body) {
        Response response = putStation(stationId, body);
        if (response.status() != 201 && response.status() != 200) {
            throw new AssertionError("PUT station " + stationId + " failed: " + response);
        }
        return stationId;
    }

    public static Response getStation(String stationId) {
        return request("GET", "/api/v1/stations/" + ItEnvironment.pathSegment(stationId), null, Credentials.admin());
    }

    /** GET station that must answer 200; returns its JSON. */
    public static JsonNode station(String stationId) {
        Response response = getStation(stationId);
        if (response.status() != 200) {
            throw new AssertionError("GET station " + stationId + " failed: " + response);
        }
        return response.json();
    }

    public static Response listStations(Map<String, String> query) {
        return request("GET", "/api/v1/stations" + queryString(query), null, Credentials.admin());
    }

    public static Response postCommand(String stationId, String action, JsonNode body) {
        return request("POST", "/api/v1/stations/" + ItEnvironment.pathSegment(stationId) + "/commands/" + action, body, Credentials.admin());
    }

    public static CompletableFuture<Response> postCommandAsync(String stationId, String action, JsonNode body) {
        return requestAsync("POST", "/api/v1/stations/" + ItEnvironment.pathSegment(stationId) + "/commands/" + action, body,
                Credentials.admin());
    }

    // ------------------------------------------------------------------ id tags, spots, transactions

    public static Response putIdTag(String idTag, JsonNode body) {
        return request("PUT", "/api/v1/id-tags/" + ItEnvironment.pathSegment(idTag), body, Credentials.admin());
    }

    public static Response putSpot(String spotId, JsonNode body) {
        return request("PUT", "/api/v1/spots/" + spotId, body, Credentials.admin());
    }

    public static Response listTransactions(String stationId, Boolean active) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("stationId", stationId);
        if (active != null) {
            query.put("active", active.toString());
        }
        return request("GET", "/api/v1/transactions" + queryString(query), null, Credentials.admin());
    }

    /** The {@code items} of the station's transactions (all of them); fails unless 200. */
    public static JsonNode transactions(String stationId, Boolean active) {
        Response response = listTransactions(stationId, active);
        if (response.status() != 200) {
            throw new AssertionError("GET transactions failed: " + response);
        }
        return response.json().path("items");
    }

    // ------------------------------------------------------------------ raw

    public static Response request(String method, String path, JsonNode body, Credentials credentials) {
        return OcppTestClient.await(requestAsync(method, path, body, credentials), method + " " + path);
    }

    public static Response requestText(String method, String path, String body, Credentials credentials) {
        return OcppTestClient.await(send(method, path, body, credentials), method + " " + path);
    }

    public static CompletableFuture<Response> requestAsync(String method, String path, JsonNode body,
            Credentials credentials) {
        return send(method, path, body == null ? null : body.toString(), credentials);
    }

    private static CompletableFuture<Response> send(String method, String path, String body,
            Credentials credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(ItEnvironment.httpBase() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json, */*");
        if (credentials.user() != null) {
            String token = Base64.getEncoder().encodeToString(
                    (credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.headers(), r.body(), parseOrNull(r.body())));
    }

    private static JsonNode parseOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return OcppTestClient.JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }
}
