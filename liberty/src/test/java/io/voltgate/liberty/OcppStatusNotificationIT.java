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

    /**
     * The station read is one statement over the station, its connectors and their statuses (a
     * cross product): every connector once, registered or not, with its own type and status, and
     * connector 0's status as the station's.
     */
    @Test
    void showsEachConnectorOnceWithItsOwnStatusAndTheStationStatus() {
        var connectors = Payloads.array()
                .add(Payloads.object().put("connectorId", 2).put("type", "Type2").put("maxPowerKw", 22))
                .add(Payloads.object().put("connectorId", 1).put("type", "CCS2").put("maxPowerKw", 150));
        var body = Payloads.object();
        body.set("connectors", connectors);
        String id = AdminApi.registerStation(ItEnvironment.newStationId(), body);
        String at = ItEnvironment.timestamp(Instant.now().minusSeconds(10));
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            client.callExpectingResult("StatusNotification", Payloads.statusNotification(0, "Available", "NoError", at));
            client.callExpectingResult("StatusNotification", Payloads.statusNotification(1, "Charging", "NoError", at));
            client.callExpectingResult("StatusNotification", Payloads.statusNotification(2, "Faulted", "GroundFailure", at));
            client.callExpectingResult("StatusNotification", Payloads.statusNotification(3, "Available", "NoError", at));

            var station = AdminApi.station(id);
            assertEquals("Available", station.path("status").asString(""), station.toString());
            var listed = station.path("connectors");
            assertEquals(3, listed.size(), station.toString());
            assertEquals(1, listed.get(0).path("connectorId").asInt(), station.toString());
            assertEquals(2, listed.get(1).path("connectorId").asInt(), station.toString());
            assertEquals(3, listed.get(2).path("connectorId").asInt(), station.toString());

            var one = connector(station, 1);
            assertEquals("CCS2", one.path("type").asString(""), one.toString());
            assertEquals(150.0, one.path("maxPowerKw").asDouble(), one.toString());
            assertEquals("Charging", one.path("status").asString(""), one.toString());
            var two = connector(station, 2);
            assertEquals("Type2", two.path("type").asString(""), two.toString());
            assertEquals("Faulted", two.path("status").asString(""), two.toString());
            assertEquals("GroundFailure", two.path("errorCode").asString(""), two.toString());
            var unregistered = connector(station, 3);
            assertEquals(true, unregistered.path("type").isNull(), unregistered.toString());
            assertEquals("Available", unregistered.path("status").asString(""), unregistered.toString());
        }
    }
}
