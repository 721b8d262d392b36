package io.voltgate.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.loadtest.FleetRun;
import io.voltgate.loadtest.fleet.FleetOptions;
import io.voltgate.loadtest.metrics.RunResult;
import tools.jackson.databind.JsonNode;

/**
 * The load test's smoke run (issue 3), so the simulator cannot rot: 200 simulated chargers are
 * registered through the admin API, boot, send heartbeats, status and transactions against the
 * real WAR, then all lose their connection at once and reconnect immediately (the naive storm).
 * The figures are the simulator's own measurements, cross-checked against what the server stored.
 */
class FleetSmokeIT {

    private static final int CHARGERS = 200;

    @Test
    void aFleetOf200BootsRunsTrafficAndAllReconnectAfterANaiveStormWithoutLosingAMessage() throws Exception {
        String prefix = "SMOKE" + ItEnvironment.randomSuffix(6);
        FleetOptions options = FleetOptions.parse("storm",
                "--url", "ws://localhost:" + ItEnvironment.httpPort() + "/ocpp",
                "--chargers", Integer.toString(CHARGERS),
                "--id-prefix", prefix,
                "--admin-user", ItEnvironment.adminUser(),
                "--admin-password", ItEnvironment.adminPassword(),
                // a smoke run, not a load run: about 300 messages/s in all, which the embedded H2
                // database of the IT server keeps up with (it serialises every write)
                "--heartbeat", "2",
                "--meter-interval", "2",
                "--tx-per-hour", "900",
                "--tx-duration", "3-5",
                "--storm-settle", "5",
                "--storm-hold", "10",
                "--drain", "20",
                "--boot-timeout", "60",
                "--call-timeout", "10",
                "--reconnect", "immediate",
                "--report-dir", Path.of("target", "fleet-smoke").toString(),
                "--run", prefix);

        FleetRun.Outcome outcome = FleetRun.execute(options, System.out);
        RunResult r = outcome.result();

        assertEquals(CHARGERS, outcome.registration().registered(), "registered through PUT /api/v1/stations");
        assertEquals(0, r.counter("scenario.bootIncomplete"), "every charger booted in time");
        assertEquals(CHARGERS, maxOf(r.gauge("accepted")), "every charger's boot was Accepted");
        assertEquals(CHARGERS, maxOf(r.gauge("connected")), "all sessions held at once");
        assertEquals(0, r.counter("handshake.other"), "no refused or failed handshake: " + r.counters());

        assertTrue(r.counter("call.result.Heartbeat") >= CHARGERS, "heartbeats answered: " + r.counters());
        assertEquals(0, r.counterSum("call.error."), "no CALLERROR: " + r.counters());
        assertEquals(0, r.counterSum("call.timeout."), "no CALL left unanswered: " + r.counters());
        for (String action : new String[] {"BootNotification", "Heartbeat", "StatusNotification",
                "StartTransaction", "MeterValues", "StopTransaction"}) {
            assertTrue(r.histogram("call." + action).getTotalCount() > 0, action + " latency recorded");
        }

        long generated = r.counter("tx.generated");
        assertTrue(generated > CHARGERS, "transactions ran: " + r.counters());
        assertEquals(0, r.counter("tx.lost"), "no transaction message lost: " + r.counters());
        assertEquals(0, r.counter("tx.errored"), r.counters().toString());
        assertEquals(generated, r.counter("tx.acknowledged") + r.counter("tx.abandoned"));

        assertEquals(CHARGERS, r.counter("drops"), "the storm dropped every session");
        assertEquals(CHARGERS, r.histogram("reconnect").getTotalCount(), "every charger reconnected");
        assertEquals(0, r.counter("scenario.reconnectIncomplete"));
        assertTrue(r.marks().containsKey("recovered"), "the whole fleet was back within the hold time");
        assertTrue(r.counter("handshake.101") >= 2L * CHARGERS, "boot plus storm handshakes");

        // the server stored exactly the transactions the chargers were told about: replays after
        // the storm (OCPP 1.6 §3.7) did not create duplicates
        long startsAcknowledged = r.counterSum("tx.started.");
        long stored = 0;
        for (int i = 0; i < CHARGERS; i++) {
            JsonNode items = AdminApi.transactions(options.stationId(i), null);
            stored += items.size();
        }
        assertEquals(startsAcknowledged, stored, "transactions stored by the server");

        Path report = outcome.reportDir();
        for (String file : new String[] {"summary.json", "report.md", "sessions.svg", "handshakes.svg",
                "latency.svg", "reconnect.svg"}) {
            assertTrue(Files.size(report.resolve(file)) > 0, file);
        }
    }

    private static long maxOf(Map<Long, Long> series) {
        return series.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
