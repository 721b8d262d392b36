package io.voltgate.liberty;

import static io.voltgate.liberty.support.ItEnvironment.newStationId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.AdminApi.Credentials;
import io.voltgate.liberty.support.AdminApi.Response;
import io.voltgate.liberty.support.Payloads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.RepeatedTest;

/**
 * PUT is idempotent also when two requests for a new station race — what a client retrying a
 * slow first attempt does. Found by the upgrade scenario: the loser's insert hit the primary
 * key and answered 500.
 */
class StationRegistrationRaceIT {

    @RepeatedTest(3)
    void concurrentPutsOfANewStationAllSucceedAndExactlyOneCreates() {
        String id = newStationId();
        List<CompletableFuture<Response>> puts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            puts.add(AdminApi.requestAsync("PUT", "/api/v1/stations/" + id, Payloads.object(), Credentials.admin()));
        }
        int created = 0;
        for (CompletableFuture<Response> put : puts) {
            Response r = put.join();
            assertTrue(r.status() == 200 || r.status() == 201, r.toString());
            created += r.status() == 201 ? 1 : 0;
        }
        assertTrue(created >= 1, "at least one PUT created the station");
        assertEquals(id, AdminApi.station(id).path("stationId").asString(""));
    }
}
