package io.voltgate.liberty;

import static io.voltgate.liberty.OcppMessagesIT.connector;
import static io.voltgate.liberty.OcppMessagesIT.registerWithOneConnector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.Payloads;

/**
 * A connector's latest status is the one with the newest charger timestamp, not the last to
 * arrive: a replayed older StatusNotification never overwrites a newer one (CONTRACT.md §1).
 */
class OcppStatusNotificationIT {

    @Test
    void keepsTheNewerConnectorStatusWhenAnOlderOneIsReplayed() {
        String id = registerWithOneConnector();
        Instant t = Instant.now().minusSeconds(60);
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(1, "Charging", "NoError", ItEnvironment.timestamp(t)));
            client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(1, "Faulted", "ConnectorLockFailure",
                            ItEnvironment.timestamp(t.minusSeconds(30))));

            var connector = connector(AdminApi.station(id), 1);
            assertEquals("Charging", connector.path("status").asString(""), connector.toString());
            assertEquals("NoError", connector.path("errorCode").asString(""), connector.toString());
        }
    }

    @Test
    void keepsTheNewerStationStatusWhenAnOlderOneIsReplayedAfterAReconnect() {
        String id = registerWithOneConnector();
        Instant t = Instant.now().minusSeconds(60);
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(0, "Unavailable", "NoError", ItEnvironment.timestamp(t)));
        }
        try (OcppTestClient client = OcppTestClient.connect(id)) {
            client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(0, "Available", "NoError", ItEnvironment.timestamp(t.minusSeconds(5))));
            assertEquals("Unavailable", AdminApi.station(id).path("status").asString(""));
        }
    }

    @Test
    void takesTheNewerStatusWhenItArrivesLater() {
        String id = registerWithOneConnector();
        Instant t = Instant.now().minusSeconds(60);
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(1, "Preparing", "NoError", ItEnvironment.timestamp(t)));
            client.callExpectingResult("StatusNotification",
                    Payloads.statusNotification(1, "Available", "NoError", ItEnvironment.timestamp(t.plusSeconds(10))));
            assertEquals("Available", connector(AdminApi.station(id), 1).path("status").asString(""));
        }
    }
}
