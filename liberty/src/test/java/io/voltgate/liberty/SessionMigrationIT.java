package io.voltgate.liberty;

import static io.voltgate.liberty.OcppMessagesIT.registerWithOneConnector;
import static io.voltgate.liberty.support.ItEnvironment.newIdTag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.AdminApi.Credentials;
import io.voltgate.liberty.support.AdminApi.Response;
import io.voltgate.liberty.support.Eventually;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.OcppTestClient.CloseStatus;
import io.voltgate.liberty.support.Payloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session migrator through the drain endpoint (CONTRACT §3): not-ready at once, 503 with
 * Retry-After for new handshakes, a bounded wait for a successor (2 s in the IT server, where
 * none exists), then sessions closed with 1012 at the configured rate (20/s here), idle stations
 * before the one with an active transaction; progress at /ops/migration. DELETE /ops/drain calls
 * it off so the suite's other tests keep a ready server.
 */
class SessionMigrationIT {

    @AfterEach
    void undrain() {
        Response cancelled = AdminApi.request("DELETE", "/api/v1/ops/drain", null, Credentials.admin());
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("idle", cancelled.json().path("state").asString(""), cancelled.toString());
        Eventually.await(Duration.ofSeconds(5),
                () -> AdminApi.request("GET", "/health/ready", null, Credentials.NONE),
                r -> r.status() == 200, "ready again after the drain is called off");
    }

    @Test
    void closesIdleStationsFirstWith1012AtTheConfiguredRateAndReportsProgress() throws Exception {
        List<OcppTestClient> idle = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            idle.add(OcppTestClient.connectAndBoot(registerWithOneConnector()));
        }
        OcppTestClient charging = OcppTestClient.connectAndBoot(registerWithOneConnector());
        String tag = OcppAuthorizeIT.putTag(newIdTag(), "Accepted", null);
        charging.callExpectingResult("StartTransaction", Payloads.startTransaction(1, tag, 0, ItEnvironment.now()));

        Map<String, Long> closedAt = new ConcurrentHashMap<>();
        Map<String, CloseStatus> closes = new ConcurrentHashMap<>();
        List<OcppTestClient> all = new ArrayList<>(idle);
        all.add(charging);
        List<CompletableFuture<Void>> watchers = new ArrayList<>();
        for (OcppTestClient client : all) {
            watchers.add(CompletableFuture.runAsync(() -> {
                CloseStatus status = client.awaitClose(Duration.ofSeconds(20));
                closedAt.put(client.stationId(), System.nanoTime());
                closes.put(client.stationId(), status);
            }));
        }

        long started = System.nanoTime();
        Response drain = AdminApi.request("POST", "/api/v1/ops/drain", null, Credentials.admin());
        assertEquals(202, drain.status(), drain.toString());
        assertEquals("awaiting-successor", drain.json().path("state").asString(""), drain.toString());
        assertFalse(drain.json().path("successorReady").asBoolean(true), drain.toString());
        assertEquals(20.0, drain.json().path("ratePerSecond").asDouble(), drain.toString());

        Response ready = AdminApi.request("GET", "/health/ready", null, Credentials.NONE);
        assertEquals(503, ready.status(), "not ready from the moment it drains: " + ready);
        int handshake = OcppTestClient.handshakeStatus(registerWithOneConnector(), null, null, "ocpp1.6");
        assertEquals(503, handshake, "new handshakes are sent away while draining");

        for (CompletableFuture<Void> w : watchers) {
            w.get();
        }
        for (OcppTestClient client : all) {
            CloseStatus status = closes.get(client.stationId());
            assertEquals(1012, status.code(), client.stationId() + " " + status);
        }
        long lastIdle = idle.stream().mapToLong(c -> closedAt.get(c.stationId())).max().orElseThrow();
        assertTrue(closedAt.get(charging.stationId()) > lastIdle, "the station with an active transaction goes last");
        double seconds = (closedAt.get(charging.stationId()) - started) / 1e9;
        assertTrue(seconds >= 2.0, "waited for a successor (2 s) before closing, took " + seconds);
        long firstClose = closedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        double spread = (closedAt.get(charging.stationId()) - firstClose) / 1e9;
        assertTrue(spread >= 0.1, "six sessions at 20/s are not closed at once (spread " + spread + " s)");

        Response progress = Eventually.await(Duration.ofSeconds(5),
                () -> AdminApi.request("GET", "/api/v1/ops/migration", null, Credentials.admin()),
                r -> "done".equals(r.json().path("state").asString("")), "migration done");
        assertEquals(200, progress.status(), progress.toString());
        assertTrue(progress.json().path("closed").asInt() >= 6, progress.toString());
        assertEquals(0, progress.json().path("remaining").asInt(-1), progress.toString());
        assertTrue(progress.json().path("total").asInt() >= 6, progress.toString());
        assertFalse(progress.json().path("startedAt").isNull(), progress.toString());
        all.forEach(OcppTestClient::close);
    }

    @Test
    void migrationEndpointsNeedAdminCredentials() {
        assertEquals(401, AdminApi.request("POST", "/api/v1/ops/drain", null, Credentials.NONE).status());
        assertEquals(401, AdminApi.request("GET", "/api/v1/ops/migration", null, Credentials.NONE).status());
        Response idle = AdminApi.request("GET", "/api/v1/ops/migration", null, Credentials.admin());
        assertEquals("idle", idle.json().path("state").asString(""), idle.toString());
        assertEquals(0, idle.json().path("remaining").asInt(-1), idle.toString());
    }

    @Test
    void metricsShowTheMigrationRemainingGauge() {
        Response metrics = AdminApi.request("GET", "/metrics", null, Credentials.NONE);
        assertTrue(metrics.body().contains("voltgate_migration_remaining"), metrics.body());
    }

    /**
     * While admission refuses (here: draining), a station this instance looked up recently is
     * refused from memory, without a database read. The contract's order must still hold: wrong
     * credentials are 401, not 503; a password changed through the admin API is seen at once; an
     * unknown station is 404.
     */
    @Test
    void keepsTheHandshakeCheckOrderForRememberedStationsWhileRefusing() {
        String id = AdminApi.registerStation(ItEnvironment.newStationId(),
                Payloads.object().put("password", "first-password-01"));
        try (OcppTestClient client = OcppTestClient.connect(id, "first-password-01", "ocpp1.6")) {
            assertFalse(client.isClosed(), "admitted before the drain, so the station is remembered");
        }
        Response drain = AdminApi.request("POST", "/api/v1/ops/drain", null, Credentials.admin());
        assertEquals(202, drain.status(), drain.toString());

        assertEquals(503, OcppTestClient.handshakeStatus(id, id, "first-password-01", "ocpp1.6"));
        assertEquals(401, OcppTestClient.handshakeStatus(id, id, "wrong-password-01", "ocpp1.6"));
        assertEquals(401, OcppTestClient.handshakeStatus(id, null, null, "ocpp1.6"));
        assertEquals(404, OcppTestClient.handshakeStatus(ItEnvironment.newStationId(), null, null, "ocpp1.6"));

        AdminApi.registerStation(id, Payloads.object().put("password", "second-password-1"));
        assertEquals(401, OcppTestClient.handshakeStatus(id, id, "first-password-01", "ocpp1.6"),
                "the old password is refused as soon as the new one is registered");
        assertEquals(503, OcppTestClient.handshakeStatus(id, id, "second-password-1", "ocpp1.6"));
    }
}
