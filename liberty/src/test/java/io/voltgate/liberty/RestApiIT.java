package io.voltgate.liberty;

import static io.voltgate.liberty.support.ItEnvironment.newIdTag;
import static io.voltgate.liberty.support.ItEnvironment.newSpotId;
import static io.voltgate.liberty.support.ItEnvironment.newStationId;
import static io.voltgate.liberty.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.AdminApi.Credentials;
import io.voltgate.liberty.support.AdminApi.Response;
import io.voltgate.liberty.support.Eventually;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.Payloads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operators' REST API of CONTRACT.md §2: Basic authentication, problem+json errors, PUT as
 * whole-resource replacement, station listing with filters and cursor paging, and the
 * validation of id tags and spots.
 */
class RestApiIT {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/v1/stations",
            "GET, /api/v1/stations/IT-NOBODY",
            "PUT, /api/v1/stations/IT-NOBODY",
            "POST, /api/v1/stations/IT-NOBODY/commands/Reset",
            "PUT, /api/v1/id-tags/NOBODY",
            "GET, /api/v1/transactions",
            "PUT, /api/v1/spots/SPOT-NOBODY" })
    void refusesAdminCallsWithoutCredentials(String method, String path) {
        Response response = AdminApi.request(method, path, body(method), Credentials.NONE);
        assertEquals(401, response.status(), response.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/v1/stations",
            "PUT, /api/v1/stations/IT-NOBODY",
            "GET, /api/v1/transactions" })
    void refusesAdminCallsWithAWrongPassword(String method, String path) {
        Response response = AdminApi.request(method, path, body(method),
                new Credentials(ItEnvironment.adminUser(), "not-the-password"));
        assertEquals(401, response.status(), response.toString());
    }

    @Test
    void answersUnauthorizedAsProblemJson() {
        assertProblem(401, AdminApi.request("GET", "/api/v1/stations", null, Credentials.NONE));
    }

    @Test
    void createsAStationWith201AndUpdatesItWith200() {
        String id = newStationId();
        Response created = AdminApi.putStation(id, Payloads.object());
        assertEquals(201, created.status(), created.toString());
        assertEquals(id, created.json().path("stationId").asString(""), created.toString());

        Response updated = AdminApi.putStation(id, Payloads.object());
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(id, updated.json().path("stationId").asString(""), updated.toString());
    }

    @Test
    void showsARegisteredStationAsNotConnected() {
        String id = AdminApi.registerStation(newStationId(), stationBody(null, null, "CHAdeMO", 62.5));
        JsonNode station = AdminApi.station(id);
        assertEquals(id, station.path("stationId").asString(""));
        assertFalse(station.path("connected").asBoolean(true), station.toString());
        JsonNode connector = OcppMessagesIT.connector(station, 1);
        assertEquals("CHAdeMO", connector.path("type").asString(""), station.toString());
        assertEquals(62.5, connector.path("maxPowerKw").asDouble(), 0.001, station.toString());
    }

    @Test
    void answers404ProblemForAnUnknownStation() {
        assertProblem(404, AdminApi.getStation(newStationId()));
    }

    @Test
    void rejectsAnInvalidStationIdWith400() {
        assertProblem(400, AdminApi.putStation("IT:" + newStationId(), Payloads.object()));
        assertProblem(400, AdminApi.putStation("IT-" + "X".repeat(46), Payloads.object()));
    }

    @Test
    void rejectsAnUnknownConnectorTypeWith400() {
        String id = newStationId();
        assertProblem(400, AdminApi.putStation(id, stationBody(null, null, "Schuko", 11)));
        assertProblem(404, AdminApi.getStation(id));
    }

    @Test
    void replacesTheWholeStationOnPutSoAnOmittedPasswordMeansNone() {
        String spot = putSpot(newSpotId(), 48.2, 16.37);
        String id = AdminApi.registerStation(newStationId(), stationBody("old-secret-password-01", spot, "CCS2", 150));
        assertEquals(401, OcppTestClient.handshakeStatus(id, null, null, "ocpp1.6"));

        Response replaced = AdminApi.putStation(id, Payloads.object());
        assertEquals(200, replaced.status(), replaced.toString());

        JsonNode station = AdminApi.station(id);
        assertTrue(station.path("spotId").isNull() || station.path("spotId").isMissingNode(), station.toString());
        assertEquals(0, station.path("connectors").size(), station.toString());
        try (OcppTestClient client = OcppTestClient.connect(id)) {
            client.bootAccepted();
        }
    }

    @Test
    void listsStationsByConnectedState() {
        String online = AdminApi.registerStation(newStationId());
        String offline = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connectAndBoot(online)) {
            List<String> connected = allStationIds(Map.of("connected", "true"));
            List<String> notConnected = allStationIds(Map.of("connected", "false"));
            assertTrue(connected.contains(online) && !connected.contains(offline), connected.toString());
            assertTrue(notConnected.contains(offline) && !notConnected.contains(online), notConnected.toString());
        }
        Eventually.await(Duration.ofSeconds(5), () -> allStationIds(Map.of("connected", "false")),
                ids -> ids.contains(online), "the closed station is listed as not connected");
    }

    @Test
    void pagesStationsWithLimitAndAfterCursor() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(AdminApi.registerStation(newStationId()));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", "2");
            if (after != null) {
                query.put("after", after);
            }
            Response page = AdminApi.listStations(query);
            assertEquals(200, page.status(), page.toString());
            assertTrue(page.json().path("items").size() <= 2, "limit respected: " + page);
            page.json().path("items").forEach(s -> seen.add(s.path("stationId").asString()));
            JsonNode next = page.json().path("next");
            assertTrue(page.json().has("next"), "next is present (cursor or null): " + page);
            after = next.isNull() ? null : next.asString();
            assertTrue(++pages < 10_000, "paging terminates");
        } while (after != null);

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no station on two pages");
        assertTrue(seen.containsAll(mine), "all of " + mine + " listed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/v1/stations?limit=abc",
            "/api/v1/stations?connected=maybe",
            "/api/v1/transactions?active=maybe",
            "/api/v1/stations?limit=-1" })
    void answersBadListParametersWith400(String path) {
        assertProblem(400, AdminApi.request("GET", path, null, Credentials.admin()));
    }

    @Test
    void createsASpotWith201AndUpdatesItWith200() {
        String id = newSpotId();
        ObjectNode body = Payloads.object().put("name", "IT spot").put("lat", 48.2).put("lng", 16.37)
                .put("address", "Ring 1").put("operator", "Voltgate IT");
        assertEquals(201, AdminApi.putSpot(id, body).status());
        assertEquals(200, AdminApi.putSpot(id, body.put("name", "IT spot renamed")).status());
    }

    @ParameterizedTest(name = "lat {0}")
    @CsvSource({ "91", "-90.5", "north" })
    void rejectsASpotWithABadLatitudeWith400(String lat) {
        ObjectNode body = Payloads.object().put("name", "IT bad spot").put("lng", 16.37);
        if (lat.matches("-?[0-9.]+")) {
            body.put("lat", Double.parseDouble(lat));
        } else {
            body.put("lat", lat);
        }
        assertProblem(400, AdminApi.putSpot(newSpotId(), body));
    }

    @Test
    void acceptsAnIdTagAndRejectsAnUnknownStatusWith400() {
        String tag = newIdTag();
        Response accepted = AdminApi.putIdTag(tag, Payloads.object().put("status", "Accepted"));
        assertTrue(accepted.status() == 201 || accepted.status() == 200, accepted.toString());
        assertProblem(400, AdminApi.putIdTag(newIdTag(), Payloads.object().put("status", "Maybe")));
    }

    private static JsonNode body(String method) {
        return "GET".equals(method) ? null : Payloads.object().put("status", "Accepted");
    }

    private static ObjectNode stationBody(String password, String spotId, String type, double maxPowerKw) {
        ObjectNode body = Payloads.object();
        if (password != null) {
            body.put("password", password);
        }
        if (spotId != null) {
            body.put("spotId", spotId);
        }
        body.set("connectors", Payloads.array().add(Payloads.object()
                .put("connectorId", 1).put("type", type).put("maxPowerKw", maxPowerKw)));
        return body;
    }

    private static String putSpot(String spotId, double lat, double lng) {
        Response response = AdminApi.putSpot(spotId, Payloads.object().put("name", "IT").put("lat", lat).put("lng", lng));
        assertTrue(response.status() == 201 || response.status() == 200, response.toString());
        return spotId;
    }

    private static List<String> allStationIds(Map<String, String> filter) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            Map<String, String> query = new LinkedHashMap<>(filter);
            query.put("limit", "100");
            if (after != null) {
                query.put("after", after);
            }
            Response page = AdminApi.listStations(query);
            assertEquals(200, page.status(), page.toString());
            page.json().path("items").forEach(s -> ids.add(s.path("stationId").asString()));
            JsonNode next = page.json().path("next");
            after = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (after != null);
        return ids;
    }
}
