package io.voltgate.liberty;

import static io.voltgate.liberty.OcppMessagesIT.registerWithOneConnector;
import static io.voltgate.liberty.support.ItEnvironment.newIdTag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.OcppTestClient.CloseStatus;
import io.voltgate.liberty.support.OcppTestClient.OcppReply;
import io.voltgate.liberty.support.Payloads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad messages get a CALLERROR with the OCPP-J 1.6 spelling of its kind (OCPP-J 1.6 §4.2.3,
 * errata §5.2: {@code FormationViolation}, {@code OccurenceConstraintViolation}), never close
 * the session and never change stored state; only a frame over 64 KiB closes it, with 1009
 * (CONTRACT.md §1 "Framing").
 */
class OcppCallErrorIT {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> MALFORMED = Set.of("FormationViolation", "ProtocolError");

    /** Frames that are not a readable OCPP-J message at all. */
    static Stream<Arguments> malformedFrames() {
        return Stream.of(
                Arguments.of("unparsable JSON", "[2, \"x\", \"Heartbeat\", {", true),
                Arguments.of("not JSON at all", "hello charger", true),
                Arguments.of("an object instead of an array", "{\"a\":1}", true),
                Arguments.of("an empty array", "[]", true),
                Arguments.of("a CALL without action and payload", "[2,\"%s\"]", false),
                Arguments.of("a CALL whose payload is not an object", "[2,\"%s\",\"Heartbeat\",\"x\"]", false),
                Arguments.of("a message type that is not a number", "[\"2\",\"%s\",\"Heartbeat\",{}]", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void answersAMalformedFrameWithFormationViolationOrProtocolError(String what, String frame,
            boolean idUnreadable) {
        try (Fixture f = Fixture.bootedWithState()) {
            String messageId = OcppTestClient.newMessageId();
            f.client.sendText(frame.contains("%s") ? String.format(frame, messageId) : frame);
            OcppReply reply = f.client.awaitUnmatchedReply(REPLY_TIMEOUT);

            assertTrue(reply.isError(), what + ": " + reply);
            assertTrue(MALFORMED.contains(reply.errorCode()), what + ": " + reply);
            if (idUnreadable) {
                assertEquals("-1", reply.messageId(), what + ": " + reply);
            } else {
                assertTrue(List.of(messageId, "-1").contains(reply.messageId()), what + ": " + reply);
            }
            f.assertSessionOpenAndStateUnchanged();
        }
    }

    @Test
    void answersAnUnknownActionWithNotImplemented() {
        try (Fixture f = Fixture.bootedWithState()) {
            OcppReply reply = f.client.call("FooBar", Payloads.object());
            assertEquals("NotImplemented", reply.errorCode(), reply.toString());
            f.assertSessionOpenAndStateUnchanged();
        }
    }

    @Test
    void answersACentralSystemOnlyActionSentByTheChargerWithNotSupported() {
        try (Fixture f = Fixture.bootedWithState()) {
            OcppReply reply = f.client.call("Reset", Payloads.object().put("type", "Soft"));
            assertEquals("NotSupported", reply.errorCode(), reply.toString());
            f.assertSessionOpenAndStateUnchanged();
        }
    }

    /** Valid actions whose payloads break the 1.6 JSON schema, with the expected error code. */
    static Stream<Arguments> invalidPayloads() {
        return Stream.of(
                Arguments.of("connectorId as a string", "StatusNotification",
                        "{\"connectorId\":\"one\",\"errorCode\":\"NoError\",\"status\":\"Faulted\"}",
                        "TypeConstraintViolation"),
                Arguments.of("meterStart as a string", "StartTransaction",
                        "{\"connectorId\":1,\"idTag\":\"ABC\",\"meterStart\":\"lots\",\"timestamp\":\"%now%\"}",
                        "TypeConstraintViolation"),
                Arguments.of("missing status", "StatusNotification",
                        "{\"connectorId\":1,\"errorCode\":\"NoError\"}",
                        "OccurenceConstraintViolation"),
                Arguments.of("missing chargePointModel", "BootNotification",
                        "{\"chargePointVendor\":\"Evil\"}",
                        "OccurenceConstraintViolation"),
                Arguments.of("missing idTag", "Authorize", "{}", "OccurenceConstraintViolation"),
                Arguments.of("status outside its enum", "StatusNotification",
                        "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"}",
                        "PropertyConstraintViolation"),
                Arguments.of("chargePointVendor over 20 characters", "BootNotification",
                        "{\"chargePointVendor\":\"VendorNameOf21Chars__\",\"chargePointModel\":\"Evil\"}",
                        "PropertyConstraintViolation"),
                Arguments.of("idTag over 20 characters", "Authorize",
                        "{\"idTag\":\"ABCDEFGHIJKLMNOPQRSTU\"}", "PropertyConstraintViolation"));
    }

    @ParameterizedTest(name = "{1} with {0} -> {3}")
    @MethodSource("invalidPayloads")
    void answersASchemaViolationWithItsOcpp16ErrorCode(String what, String action, String payload,
            String expectedCode) {
        try (Fixture f = Fixture.bootedWithState()) {
            JsonNode body = Payloads.parse(payload.replace("%now%", ItEnvironment.now()));
            OcppReply reply = f.client.call(action, body);
            assertTrue(reply.isError(), what + ": " + reply);
            assertEquals(expectedCode, reply.errorCode(), what + ": " + reply);
            f.assertSessionOpenAndStateUnchanged();
        }
    }

    @Test
    void rejectsAPropertyTheSchemaDoesNotDefine() {
        try (Fixture f = Fixture.bootedWithState()) {
            ObjectNode status = Payloads.statusNotification(1, "Unavailable", "NoError", ItEnvironment.now());
            status.put("colour", "green");
            OcppReply reply = f.client.call("StatusNotification", status);
            assertTrue(reply.isError(), "an undefined property is rejected: " + reply);
            f.assertSessionOpenAndStateUnchanged();
        }
    }

    @Test
    void rejectsAnUndefinedPropertyInANestedObjectWithoutStoppingTheTransaction() {
        try (Fixture f = Fixture.bootedWithState()) {
            ObjectNode stop = Payloads.stopTransaction(f.transactionId, f.idTag, 5000, ItEnvironment.now(), "Local");
            ((ObjectNode) stop.path("transactionData").get(0)).put("extra", 1);
            OcppReply reply = f.client.call("StopTransaction", stop);
            assertTrue(reply.isError(), "an undefined nested property is rejected: " + reply);
            f.assertSessionOpenAndStateUnchanged();
        }
    }

    @Test
    void closesTheSocketWith1009OnAFrameOver64KiB() {
        try (Fixture f = Fixture.bootedWithState()) {
            String big = "x".repeat(70 * 1024);
            try {
                f.client.sendText(Payloads.array().add(2).add(OcppTestClient.newMessageId()).add("DataTransfer")
                        .add(Payloads.dataTransfer("com.example.it", "Big", big)).toString());
            } catch (IllegalStateException sendFailed) {
                // the server may close while the frame is still being written; the close code tells
            }
            CloseStatus close = f.client.awaitClose(REPLY_TIMEOUT);
            assertEquals(1009, close.code(), close.toString());
        }
    }

    @Test
    void answersAFrameJustUnder64KiB() {
        try (Fixture f = Fixture.bootedWithState()) {
            String data = "y".repeat(60 * 1024);
            JsonNode result = f.client.callExpectingResult("DataTransfer",
                    Payloads.dataTransfer("com.example.it", "Big", data));
            assertTrue(result.has("status"), result.toString());
        }
    }

    /**
     * A booted station with a connector status and an active transaction, so that a bad
     * message that were wrongly applied would show in GET station or GET transactions.
     */
    private static final class Fixture implements AutoCloseable {
        final String stationId;
        final OcppTestClient client;
        final String idTag;
        final int transactionId;
        JsonNode stationBefore;
        JsonNode transactionsBefore;

        private Fixture(String stationId, OcppTestClient client, String idTag, int transactionId) {
            this.stationId = stationId;
            this.client = client;
            this.idTag = idTag;
            this.transactionId = transactionId;
        }

        static Fixture bootedWithState() {
            String id = registerWithOneConnector();
            String tag = OcppAuthorizeIT.putTag(newIdTag(), "Accepted", null);
            OcppTestClient client = OcppTestClient.connectAndBoot(id);
            Instant t = Instant.now().minusSeconds(30);
            client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(0, "Available", "NoError", ItEnvironment.timestamp(t)));
            client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(1, "Charging", "NoError", ItEnvironment.timestamp(t)));
            int txId = client.callExpectingResult("StartTransaction",
                    Payloads.startTransaction(1, tag, 100, ItEnvironment.timestamp(t))).path("transactionId").asInt();
            Fixture f = new Fixture(id, client, tag, txId);
            f.stationBefore = withoutLastSeen(AdminApi.station(id));
            f.transactionsBefore = AdminApi.transactions(id, null);
            return f;
        }

        void assertSessionOpenAndStateUnchanged() {
            assertEquals(stationBefore, withoutLastSeen(AdminApi.station(stationId)), "station unchanged");
            assertEquals(transactionsBefore, AdminApi.transactions(stationId, null), "transactions unchanged");
            OcppReply heartbeat = client.call("Heartbeat", Payloads.object());
            assertTrue(heartbeat.isResult(), "the session stays open and usable: " + heartbeat);
        }

        /** lastSeen is liveness (the station was heard from), not state a message sets. */
        private static JsonNode withoutLastSeen(JsonNode station) {
            ObjectNode copy = ((ObjectNode) station).deepCopy();
            copy.remove("lastSeen");
            return copy;
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
