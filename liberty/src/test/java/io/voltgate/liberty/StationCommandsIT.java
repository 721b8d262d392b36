package io.voltgate.liberty;

import static io.voltgate.liberty.support.ItEnvironment.newStationId;
import static io.voltgate.liberty.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.AdminApi.Response;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.OcppTestClient.ServerCall;
import io.voltgate.liberty.support.Payloads;

/**
 * {@code POST /api/v1/stations/{id}/commands/{action}} sends a CSMS-initiated CALL to the
 * connected charger and answers with its response, mapping failures to 400/404/409/502/504;
 * the server never has more than one CALL outstanding per station (CONTRACT.md §1, §2).
 * The IT server runs with a call timeout of 3 s.
 */
class StationCommandsIT {

    private static final Duration CALL_ARRIVAL = Duration.ofSeconds(5);

    @Test
    void relaysResetToTheChargerAndAnswersWithItsResponse() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient charger = OcppTestClient.connectAndBoot(id)) {
            CompletableFuture<Response> response = AdminApi.postCommandAsync(id, "Reset",
                    Payloads.object().put("type", "Soft"));

            ServerCall call = charger.awaitServerCall(CALL_ARRIVAL);
            assertEquals("Reset", call.action());
            assertEquals(Payloads.object().put("type", "Soft"), call.payload());
            call.respond(Payloads.object().put("status", "Accepted"));

            Response answered = response.join();
            assertEquals(200, answered.status(), answered.toString());
            assertEquals(Payloads.object().put("status", "Accepted"), answered.json());
            assertNull(charger.pollServerCall(Duration.ofMillis(300)), "exactly one CALL was sent");
        }
    }

    @Test
    void answers502WithTheOcppErrorWhenTheChargerAnswersACallError() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient charger = OcppTestClient.connectAndBoot(id)) {
            CompletableFuture<Response> response = AdminApi.postCommandAsync(id, "Reset",
                    Payloads.object().put("type", "Hard"));
            charger.awaitServerCall(CALL_ARRIVAL).respondError("InternalError", "relay stuck");

            Response answered = response.join();
            assertProblem(502, answered);
            assertEquals("InternalError", answered.json().path("ocppErrorCode").asString(""), answered.toString());
            assertEquals("relay stuck", answered.json().path("ocppErrorDescription").asString(""),
                    answered.toString());
        }
    }

    @Test
    void answers504WhenTheChargerDoesNotAnswerWithinTheCallTimeout() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient charger = OcppTestClient.connectAndBoot(id)) {
            long start = System.nanoTime();
            CompletableFuture<Response> response = AdminApi.postCommandAsync(id, "Reset",
                    Payloads.object().put("type", "Soft"));
            charger.awaitServerCall(CALL_ARRIVAL); // and never answer it

            Response answered = response.join();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertProblem(504, answered);
            assertTrue(took.compareTo(Duration.ofMillis(2500)) >= 0, "waited the 3 s call timeout, took " + took);
            assertTrue(charger.call("Heartbeat", Payloads.object()).isResult(), "the session is still usable");
        }
    }

    @Test
    void answers400ForAPayloadInvalidForTheAction() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient charger = OcppTestClient.connectAndBoot(id)) {
            assertProblem(400, AdminApi.postCommand(id, "Reset", Payloads.object().put("type", "Hard-ish")));
            assertProblem(400, AdminApi.postCommand(id, "Reset", Payloads.object()));
            assertNull(charger.pollServerCall(Duration.ofMillis(300)), "nothing was sent to the charger");
        }
    }

    @Test
    void answers400ForAChargerInitiatedOrUnknownAction() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient charger = OcppTestClient.connectAndBoot(id)) {
            assertProblem(400, AdminApi.postCommand(id, "BootNotification", Payloads.bootNotification()));
            assertProblem(400, AdminApi.postCommand(id, "FooBar", Payloads.object()));
            assertNull(charger.pollServerCall(Duration.ofMillis(300)), "nothing was sent to the charger");
        }
    }

    @Test
    void answers404ForAnUnknownStation() {
        assertProblem(404, AdminApi.postCommand(newStationId(), "Reset", Payloads.object().put("type", "Soft")));
    }

    @Test
    void answers409ForARegisteredStationThatIsNotConnected() {
        String id = AdminApi.registerStation(newStationId());
        assertProblem(409, AdminApi.postCommand(id, "Reset", Payloads.object().put("type", "Soft")));
    }

    @Test
    void sendsTheSecondCommandOnlyAfterTheFirstWasAnswered() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient charger = OcppTestClient.connectAndBoot(id)) {
            CompletableFuture<Response> first = AdminApi.postCommandAsync(id, "ClearCache", Payloads.object());
            ServerCall firstCall = charger.awaitServerCall(CALL_ARRIVAL);
            assertEquals("ClearCache", firstCall.action());
            CompletableFuture<Response> second = AdminApi.postCommandAsync(id, "Reset",
                    Payloads.object().put("type", "Soft"));

            // while the first CALL is unanswered, the second must not reach the charger
            assertNull(charger.pollServerCall(Duration.ofMillis(1000)),
                    "a second CALL arrived while " + firstCall + " was outstanding");
            assertFalse(second.isDone(), "the second command waits");
            firstCall.respond(Payloads.object().put("status", "Accepted"));

            ServerCall secondCall = charger.awaitServerCall(CALL_ARRIVAL);
            assertTrue(!secondCall.messageId().equals(firstCall.messageId()), "unique message ids");
            secondCall.respond(Payloads.object().put("status", "Rejected"));

            Response firstAnswer = first.join();
            Response secondAnswer = second.join();
            assertEquals(200, firstAnswer.status(), firstAnswer.toString());
            assertEquals(200, secondAnswer.status(), secondAnswer.toString());
            assertEquals("Reset", secondCall.action());
            assertEquals("Accepted", firstAnswer.json().path("status").asString(""));
            assertEquals("Rejected", secondAnswer.json().path("status").asString(""));
        }
    }

    @Test
    void letsChargerAndServerCallsCross() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient charger = OcppTestClient.connectAndBoot(id)) {
            CompletableFuture<Response> response = AdminApi.postCommandAsync(id, "GetConfiguration",
                    Payloads.object());
            ServerCall call = charger.awaitServerCall(CALL_ARRIVAL);
            // the charger sends its own CALL before answering the server's
            assertTrue(charger.call("Heartbeat", Payloads.object()).isResult());
            call.respond(Payloads.object().set("configurationKey", Payloads.array()));
            Response answered = response.join();
            assertEquals(200, answered.status(), answered.toString());
        }
    }
}
