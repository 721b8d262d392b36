package io.voltgate.liberty;

import static io.voltgate.liberty.OcppMessagesIT.registerWithOneConnector;
import static io.voltgate.liberty.support.ItEnvironment.newIdTag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.Payloads;
import io.voltgate.liberty.support.Timestamps;
import tools.jackson.databind.JsonNode;

/**
 * StartTransaction, MeterValues and StopTransaction are persisted with the charger's timestamps
 * and meter readings, listed by {@code GET /api/v1/transactions}, and replays after a reconnect
 * are harmless (CONTRACT.md §1 "Replays are harmless", §2 transactions).
 */
class OcppTransactionsIT {

    @Test
    void startsATransactionWithAPositiveIdAndIdTagInfo() {
        String tag = OcppAuthorizeIT.putTag(newIdTag(), "Accepted", null);
        try (OcppTestClient client = OcppTestClient.connectAndBoot(registerWithOneConnector())) {
            JsonNode result = client.callExpectingResult("StartTransaction",
                    Payloads.startTransaction(1, tag, 1000, ItEnvironment.now()));
            assertTrue(result.path("transactionId").isIntegralNumber(), result.toString());
            assertTrue(result.path("transactionId").asInt() > 0, result.toString());
            assertEquals("Accepted", result.path("idTagInfo").path("status").asString(""), result.toString());
        }
    }

    @Test
    void storesAStartedAndAStoppedTransactionWithTheChargersReadings() {
        String id = registerWithOneConnector();
        String tag = OcppAuthorizeIT.putTag(newIdTag(), "Accepted", null);
        Instant start = Instant.now().minusSeconds(600);
        String startedAt = ItEnvironment.timestamp(start);
        String stoppedAt = ItEnvironment.timestamp(start.plusSeconds(300));
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            int txId = client.callExpectingResult("StartTransaction",
                    Payloads.startTransaction(1, tag, 1000, startedAt)).path("transactionId").asInt();

            JsonNode active = only(AdminApi.transactions(id, true));
            assertEquals(txId, active.path("transactionId").asInt(), active.toString());
            assertEquals(id, active.path("stationId").asString(""), active.toString());
            assertEquals(1, active.path("connectorId").asInt(), active.toString());
            assertEquals(tag, active.path("idTag").asString(""), active.toString());
            assertEquals(1000, active.path("meterStart").asInt(), active.toString());
            assertTrue(Timestamps.sameInstant(startedAt, active.path("startedAt").asString("")), active.toString());
            assertTrue(active.path("stoppedAt").isNull() || active.path("stoppedAt").isMissingNode(), active.toString());
            assertEquals(0, AdminApi.transactions(id, false).size(), "no finished transaction yet");

            OcppMessagesIT.assertEmptyResult(client.callExpectingResult("MeterValues",
                    Payloads.meterValues(1, txId, ItEnvironment.timestamp(start.plusSeconds(60)), "1500")));

            JsonNode stopResult = client.callExpectingResult("StopTransaction",
                    Payloads.stopTransaction(txId, tag, 4200, stoppedAt, "Local"));
            assertTrue(stopResult.isObject(), stopResult.toString());

            JsonNode finished = only(AdminApi.transactions(id, false));
            assertEquals(txId, finished.path("transactionId").asInt(), finished.toString());
            assertEquals(4200, finished.path("meterStop").asInt(), finished.toString());
            assertEquals("Local", finished.path("reason").asString(""), finished.toString());
            assertTrue(Timestamps.sameInstant(stoppedAt, finished.path("stoppedAt").asString("")), finished.toString());
            assertTrue(Timestamps.sameInstant(startedAt, finished.path("startedAt").asString("")), finished.toString());
            assertEquals(0, AdminApi.transactions(id, true).size(), "nothing active any more");
            assertEquals(1, AdminApi.transactions(id, null).size(), "one transaction in all");
        }
    }

    @Test
    void answersAReplayedStartTransactionWithTheSameTransactionId() {
        String id = registerWithOneConnector();
        String tag = OcppAuthorizeIT.putTag(newIdTag(), "Accepted", null);
        String timestamp = ItEnvironment.now();
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            int first = client.callExpectingResult("StartTransaction",
                    Payloads.startTransaction(1, tag, 777, timestamp)).path("transactionId").asInt();
            int replay = client.callExpectingResult("StartTransaction",
                    Payloads.startTransaction(1, tag, 777, timestamp)).path("transactionId").asInt();
            assertEquals(first, replay);
        }
        // the replay typically arrives on a new connection after a reconnect
        try (OcppTestClient reconnected = OcppTestClient.connect(id)) {
            int afterReconnect = reconnected.callExpectingResult("StartTransaction",
                    Payloads.startTransaction(1, tag, 777, timestamp)).path("transactionId").asInt();
            JsonNode all = AdminApi.transactions(id, null);
            assertEquals(1, all.size(), all.toString());
            assertEquals(afterReconnect, all.get(0).path("transactionId").asInt());
        }
    }

    @Test
    void changesNothingOnAReplayedStopTransaction() {
        String id = registerWithOneConnector();
        String tag = OcppAuthorizeIT.putTag(newIdTag(), "Accepted", null);
        Instant start = Instant.now().minusSeconds(120);
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            int txId = client.callExpectingResult("StartTransaction",
                    Payloads.startTransaction(1, tag, 10, ItEnvironment.timestamp(start)))
                    .path("transactionId").asInt();
            var stop = Payloads.stopTransaction(txId, tag, 900, ItEnvironment.timestamp(start.plusSeconds(60)),
                    "EVDisconnected");
            client.callExpectingResult("StopTransaction", stop);
            JsonNode before = AdminApi.transactions(id, null);

            JsonNode replayResult = client.callExpectingResult("StopTransaction", stop);
            assertTrue(replayResult.isObject(), replayResult.toString());
            assertEquals(before, AdminApi.transactions(id, null));
        }
    }

    @Test
    void filtersTransactionsByActive() {
        String id = registerWithOneConnector();
        String tag = OcppAuthorizeIT.putTag(newIdTag(), "Accepted", null);
        Instant t0 = Instant.now().minusSeconds(900);
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            int finished = client.callExpectingResult("StartTransaction",
                    Payloads.startTransaction(1, tag, 0, ItEnvironment.timestamp(t0))).path("transactionId").asInt();
            client.callExpectingResult("StopTransaction",
                    Payloads.stopTransaction(finished, tag, 50, ItEnvironment.timestamp(t0.plusSeconds(60)), "Local"));
            int running = client.callExpectingResult("StartTransaction",
                    Payloads.startTransaction(1, tag, 50, ItEnvironment.timestamp(t0.plusSeconds(120))))
                    .path("transactionId").asInt();

            assertTrue(finished != running);
            assertEquals(running, only(AdminApi.transactions(id, true)).path("transactionId").asInt());
            assertEquals(finished, only(AdminApi.transactions(id, false)).path("transactionId").asInt());
            assertEquals(2, AdminApi.transactions(id, null).size());
        }
    }

    private static JsonNode only(JsonNode items) {
        assertEquals(1, items.size(), "exactly one transaction: " + items);
        return items.get(0);
    }
}
