package io.voltgate.liberty;

import static io.voltgate.liberty.support.ItEnvironment.newStationId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.Payloads;
import io.voltgate.liberty.support.Timestamps;
import tools.jackson.databind.JsonNode;

/**
 * Each charger-initiated OCPP 1.6 message with a valid payload gets a CALLRESULT that is valid
 * for its action (ocpp-1.6 edition 2 §6), and what it reports is persisted and visible through
 * the REST API (CONTRACT.md §1, §2). Transactions, Authorize and StatusNotification ordering
 * have their own classes.
 */
class OcppMessagesIT {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Test
    void acceptsBootNotificationWithCurrentTimeAndPositiveInterval() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connect(id)) {
            JsonNode result = client.callExpectingResult("BootNotification", Payloads.bootNotification());
            assertEquals("Accepted", result.path("status").asString(""), result.toString());
            assertTrue(result.path("interval").isIntegralNumber(), result.toString());
            assertTrue(result.path("interval").asInt() > 0, result.toString());
            assertCloseToNow(result.path("currentTime").asString(""));
        }
    }

    @Test
    void storesTheBootDetailsOfTheStation() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            JsonNode boot = AdminApi.station(id).path("boot");
            assertEquals(Payloads.VENDOR, boot.path("vendor").asString(""), boot.toString());
            assertEquals(Payloads.MODEL, boot.path("model").asString(""), boot.toString());
            assertEquals(Payloads.FIRMWARE, boot.path("firmwareVersion").asString(""), boot.toString());
        }
    }

    @Test
    void answersHeartbeatWithCurrentTimeAndUpdatesLastSeen() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            Instant before = Instant.now().minus(CLOCK_SKEW);
            JsonNode result = client.heartbeat();
            assertCloseToNow(result.path("currentTime").asString(""));
            String lastSeen = AdminApi.station(id).path("lastSeen").asString("");
            assertFalse(lastSeen.isEmpty(), "lastSeen is set");
            assertFalse(Timestamps.parse(lastSeen).isBefore(before), "lastSeen " + lastSeen + " is recent");
        }
    }

    @Test
    void storesStatusNotificationsForTheStationAndItsConnectors() {
        String id = registerWithOneConnector();
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            String now = ItEnvironment.now();
            assertEmptyResult(client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(0, "Available", "NoError", now)));
            assertEmptyResult(client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(1, "Faulted", "GroundFailure", now)));

            JsonNode station = AdminApi.station(id);
            assertEquals("Available", station.path("status").asString(""), station.toString());
            JsonNode connector = connector(station, 1);
            assertEquals("Faulted", connector.path("status").asString(""), station.toString());
            assertEquals("GroundFailure", connector.path("errorCode").asString(""), station.toString());
            assertFalse(connector.path("updatedAt").asString("").isEmpty(), station.toString());
        }
    }

    @Test
    void acceptsMeterValuesOutsideATransaction() {
        String id = registerWithOneConnector();
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            assertEmptyResult(client.callExpectingResult("MeterValues",
                    Payloads.meterValues(1, null, ItEnvironment.now(), "1234")));
        }
    }

    @Test
    void answersDataTransferWithAValidStatus() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            JsonNode result = client.callExpectingResult("DataTransfer",
                    Payloads.dataTransfer("com.example.it", "Ping", "hello"));
            assertTrue(List.of("Accepted", "Rejected", "UnknownMessageId", "UnknownVendorId")
                    .contains(result.path("status").asString("")), result.toString());
            for (String name : result.propertyNames()) {
                assertTrue(List.of("status", "data").contains(name), "undefined property " + name + " in " + result);
            }
        }
    }

    @Test
    void acceptsDiagnosticsStatusNotification() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            assertEmptyResult(client.callExpectingResult("DiagnosticsStatusNotification",
                    Payloads.object().put("status", "Uploaded")));
        }
    }

    @Test
    void acceptsFirmwareStatusNotification() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            assertEmptyResult(client.callExpectingResult("FirmwareStatusNotification",
                    Payloads.object().put("status", "Installed")));
        }
    }

    static String registerWithOneConnector() {
        var connectors = Payloads.array().add(Payloads.object()
                .put("connectorId", 1).put("type", "CCS2").put("maxPowerKw", 50));
        var body = Payloads.object();
        body.set("connectors", connectors);
        return AdminApi.registerStation(newStationId(), body);
    }

    static JsonNode connector(JsonNode station, int connectorId) {
        for (JsonNode c : station.path("connectors")) {
            if (c.path("connectorId").asInt(-1) == connectorId) {
                return c;
            }
        }
        throw new AssertionError("connector " + connectorId + " not listed in " + station);
    }

    /** The .conf of StatusNotification, MeterValues and the two status notifications is {@code {}}. */
    static void assertEmptyResult(JsonNode result) {
        assertTrue(result.isObject() && result.isEmpty(), "expected {} but got " + result);
    }

    private static void assertCloseToNow(String timestamp) {
        assertFalse(timestamp.isEmpty(), "a timestamp is given");
        Instant t = Timestamps.parse(timestamp);
        Instant now = Instant.now();
        assertTrue(!t.isBefore(now.minus(CLOCK_SKEW)) && !t.isAfter(now.plus(CLOCK_SKEW)),
                "timestamp " + timestamp + " close to now " + now);
    }
}
