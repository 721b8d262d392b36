package io.voltgate.liberty;

import static io.voltgate.liberty.support.ItEnvironment.newStationId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.AdminApi.Credentials;
import io.voltgate.liberty.support.AdminApi.Response;
import io.voltgate.liberty.support.OcppTestClient;
import tools.jackson.databind.JsonNode;

/** Health, metrics and the OpenAPI document of CONTRACT.md §3. */
class OperationsIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/health/started", "/health/live", "/health/ready" })
    void reportsUp(String path) {
        Response response = AdminApi.request("GET", path, null, Credentials.NONE);
        assertEquals(200, response.status(), response.toString());
        assertEquals("UP", response.json().path("status").asString(""), response.toString());
    }

    @Test
    void namesItsReadinessChecks() {
        Response response = AdminApi.request("GET", "/health/ready", null, Credentials.NONE);
        JsonNode checks = response.json().path("checks");
        assertTrue(checks.isArray() && !checks.isEmpty(), "at least one readiness check: " + response);
        for (JsonNode check : checks) {
            assertFalse(check.path("name").asString("").isBlank(), "named check: " + check);
            assertEquals("UP", check.path("status").asString(""), check.toString());
        }
    }

    @Test
    void exposesTheOcppMetricsInPrometheusText() {
        // make sure there is a handshake and a message to count
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            client.heartbeat();
            Response metrics = AdminApi.request("GET", "/metrics", null, Credentials.NONE);
            assertEquals(200, metrics.status(), metrics.toString());
            String text = metrics.body();
            for (String name : new String[] { "voltgate_ocpp_sessions", "voltgate_ocpp_handshakes_total",
                    "voltgate_ocpp_messages_total", "voltgate_ocpp_message_seconds" }) {
                assertTrue(text.contains(name), name + " in /metrics");
            }
            assertTrue(sampleLines(text, "voltgate_ocpp_handshakes_total").anyMatch(l -> l.contains("outcome=")),
                    "handshakes counted by outcome");
            assertTrue(sampleLines(text, "voltgate_ocpp_messages_total")
                    .anyMatch(l -> l.contains("action=") && l.contains("outcome=")),
                    "messages counted by action and outcome");
        }
    }

    @Test
    void servesTheOpenApiDocument() {
        Response response = AdminApi.request("GET", "/openapi", null, Credentials.NONE);
        assertEquals(200, response.status(), response.toString());
        assertTrue(response.body().contains("/api/v1/stations"), "documents /api/v1/stations");
    }

    private static java.util.stream.Stream<String> sampleLines(String text, String name) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }
}
