package io.voltgate.liberty;

import static io.voltgate.liberty.OcppMessagesIT.registerWithOneConnector;
import static io.voltgate.liberty.support.ItEnvironment.newStationId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.OcppTestClient.OcppReply;
import io.voltgate.liberty.support.Payloads;

/**
 * Before its boot has been Accepted a station may only send BootNotification; anything else is a
 * SecurityError (OCPP-J 1.6 errata §3.10). Acceptance belongs to the station and survives a
 * reconnect, because a 1.6 charger does not boot again when it reconnects (CONTRACT.md §1).
 */
class OcppBootAcceptanceIT {

    @Test
    void answersSecurityErrorToHeartbeatBeforeBoot() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connect(id)) {
            OcppReply reply = client.call("Heartbeat", Payloads.object());
            assertTrue(reply.isError(), reply.toString());
            assertEquals("SecurityError", reply.errorCode(), reply.toString());
        }
    }

    @Test
    void neitherStoresNorAcceptsStatusNotificationBeforeBoot() {
        String id = registerWithOneConnector();
        var before = AdminApi.station(id);
        try (OcppTestClient client = OcppTestClient.connect(id)) {
            OcppReply reply = client.call("StatusNotification",
                    Payloads.statusNotification(1, "Available", "NoError", ItEnvironment.now()));
            assertEquals("SecurityError", reply.errorCode(), reply.toString());
            assertEquals(before.path("connectors"), AdminApi.station(id).path("connectors"));
        }
    }

    @Test
    void keepsTheSessionOpenAfterASecurityErrorSoTheStationCanStillBoot() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connect(id)) {
            assertEquals("SecurityError", client.call("Authorize", Payloads.authorize("ANY")).errorCode());
            client.bootAccepted();
            assertFalse(client.heartbeat().path("currentTime").isMissingNode());
        }
    }

    @Test
    void acceptsHeartbeatRightAfterAReconnectWithoutANewBoot() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient first = OcppTestClient.connectAndBoot(id)) {
            first.heartbeat();
        }
        try (OcppTestClient reconnected = OcppTestClient.connect(id)) {
            OcppReply reply = reconnected.call("Heartbeat", Payloads.object());
            assertTrue(reply.isResult(), "acceptance survives the reconnect: " + reply);
        }
    }
}
