package io.voltgate.liberty;

import static io.voltgate.liberty.support.ItEnvironment.newStationId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.OcppTestClient.CloseStatus;
import io.voltgate.liberty.support.Payloads;

/**
 * The newest connection of a station wins: the older socket is closed with 1000 "replaced" and
 * the new one keeps working, also for commands (CONTRACT.md §1).
 */
class OcppSessionReplacementIT {

    @Test
    void closesTheOlderSocketWith1000ReplacedWhenTheStationConnectsAgain() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient first = OcppTestClient.connectAndBoot(id);
                OcppTestClient second = OcppTestClient.connect(id)) {
            CloseStatus close = first.awaitClose(Duration.ofSeconds(5));
            assertEquals(1000, close.code(), close.toString());
            assertEquals("replaced", close.reason(), close.toString());

            assertTrue(second.call("Heartbeat", Payloads.object()).isResult(), "the newer socket keeps working");
            assertFalse(second.isClosed());
            assertTrue(AdminApi.station(id).path("connected").asBoolean(false),
                    "closing the old socket did not unregister the new session");
        }
    }

    @Test
    void sendsCommandsToTheNewestConnection() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient first = OcppTestClient.connectAndBoot(id);
                OcppTestClient second = OcppTestClient.connect(id)) {
            first.awaitClose(Duration.ofSeconds(5));
            var response = AdminApi.postCommandAsync(id, "ClearCache", Payloads.object());
            var call = second.awaitServerCall(Duration.ofSeconds(5));
            assertEquals("ClearCache", call.action());
            call.respond(Payloads.object().put("status", "Accepted"));
            AdminApi.Response answered = response.join();
            assertEquals(200, answered.status(), answered.toString());
        }
    }
}
