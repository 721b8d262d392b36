package io.voltgate.liberty;

import static io.voltgate.liberty.support.ProblemAssert.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.AdminApi.Credentials;
import io.voltgate.liberty.support.AdminApi.Response;
import io.voltgate.liberty.support.Eventually;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.Payloads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spot search of CONTRACT.md §2 (issue 4) as the app sees it. A fixture of spots, stations and
 * connectors is built through the public interfaces (REST, and real OCPP StatusNotifications)
 * in a random 0.4°-square of the world, so other tests' spots never fall inside; every search
 * is compared with a brute-force oracle computed here from what the fixture created.
 */
class SpotSearchIT {

    private static final String[] TYPES = { "CHAdeMO", "CCS1", "CCS2", "Type1", "Type2", "GB/T", "NACS" };
    private static final double[] POWERS = { 7.4, 22, 50, 50, 150, 350 };
    private static final String[] STATUSES = { "Available", "Available", "Charging", "Faulted", null };

    /** One connector as created, with what the oracle needs to know. */
    record Conn(String type, double kw, boolean available) {
    }

    record FixtureSpot(String spotId, double lat, double lng, List<Conn> connectors) {
    }

    private static final List<FixtureSpot> SPOTS = new ArrayList<>();
    private static final List<OcppTestClient> CLIENTS = new ArrayList<>();
    private static double lat0;
    private static double lng0;

    @BeforeAll
    static void buildFixture() {
        Random random = new Random();
        lat0 = -50 + random.nextDouble() * 100;
        lng0 = -170 + random.nextDouble() * 340;
        for (int i = 0; i < 24; i++) {
            String spotId = ItEnvironment.newSpotId();
            double lat = lat0 + random.nextDouble() * 0.4;
            double lng = lng0 + random.nextDouble() * 0.4;
            putSpot(spotId, lat, lng);
            List<Conn> conns = new ArrayList<>();
            int stations = i % 6 == 0 ? 0 : 1 + random.nextInt(2); // every sixth spot has no station
            for (int s = 0; s < stations; s++) {
                // most stations stay connected; some never connect (no statuses, never available)
                boolean connects = !(i % 7 == 3 && s == 0);
                String stationId = ItEnvironment.newStationId();
                ArrayNode connectors = Payloads.array();
                List<String> statuses = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int c = 1; c <= n; c++) {
                    String type = TYPES[random.nextInt(TYPES.length)];
                    double kw = POWERS[random.nextInt(POWERS.length)];
                    String status = STATUSES[random.nextInt(STATUSES.length)];
                    connectors.add(Payloads.object().put("connectorId", c).put("type", type).put("maxPowerKw", kw));
                    statuses.add(status);
                    conns.add(new Conn(type, kw, connects && "Available".equals(status)));
                }
                ObjectNode body = Payloads.object().put("spotId", spotId);
                body.set("connectors", connectors);
                AdminApi.registerStation(stationId, body);
                if (connects) {
                    OcppTestClient client = OcppTestClient.connectAndBoot(stationId);
                    CLIENTS.add(client);
                    for (int c = 1; c <= n; c++) {
                        if (statuses.get(c - 1) != null) {
                            client.callExpectingResult("StatusNotification",
                                    Payloads.statusNotification(c, statuses.get(c - 1), "NoError", ItEnvironment.now()));
                        }
                    }
                }
            }
            SPOTS.add(new FixtureSpot(spotId, lat, lng, conns));
        }
        // the index catches up asynchronously: wait until it shows the whole fixture
        Eventually.await(Duration.ofSeconds(10), () -> search(Map.of("bbox", bbox(0, 0, 0.4, 0.4), "limit", "500")),
                r -> r.status() == 200 && sameAs(expected(allIn(0, 0, 0.4, 0.4), box(0, 0, 0.4, 0.4), Filter.NONE, 500), r),
                "the index shows the fixture");
    }

    @AfterAll
    static void disconnect() {
        CLIENTS.forEach(OcppTestClient::close);
    }

    // ------------------------------------------------------------------ results vs the oracle

    @Test
    void answersBoundingBoxesLikeTheOracle() {
        double[][] boxes = { { 0, 0, 0.4, 0.4 }, { 0.1, 0.05, 0.3, 0.35 }, { 0, 0, 0.2, 0.4 }, { 0.2, 0.2, 0.21, 0.21 } };
        for (double[] b : boxes) {
            for (Filter f : Filter.SAMPLES) {
                for (int limit : new int[] { 500, 5 }) {
                    Map<String, String> q = f.params();
                    q.put("bbox", bbox(b[0], b[1], b[2], b[3]));
                    q.put("limit", Integer.toString(limit));
                    Expected e = expected(allIn(b[0], b[1], b[2], b[3]), box(b[0], b[1], b[2], b[3]), f, limit);
                    Response r = search(q);
                    assertEquals(200, r.status(), r.toString());
                    assertMatches(e, r, q);
                    r.json().path("spots").forEach(s -> assertFalse(s.has("distanceKm"), "no distanceKm in bbox results: " + s));
                }
            }
        }
    }

    @Test
    void answersRadiusSearchesNearestFirstLikeTheOracle() {
        double[][] circles = { { 0.2, 0.2, 30 }, { 0.05, 0.35, 12 }, { 0.3, 0.1, 5 }, { -0.5, -0.5, 100 } };
        for (double[] c : circles) {
            double lat = lat0 + c[0];
            double lng = lng0 + c[1];
            for (Filter f : Filter.SAMPLES) {
                Map<String, String> q = f.params();
                q.put("lat", fmt(lat));
                q.put("lng", fmt(lng));
                q.put("radiusKm", fmt(c[2]));
                q.put("limit", "7");
                List<FixtureSpot> inside = SPOTS.stream().filter(s -> haversineKm(lat, lng, s.lat(), s.lng()) <= c[2]).toList();
                Expected e = expected(inside, new double[] { lat, lng }, f, 7);
                Response r = search(q);
                assertEquals(200, r.status(), r.toString());
                assertMatches(e, r, q);
                for (JsonNode s : r.json().path("spots")) {
                    FixtureSpot spot = byId(s.path("spotId").asString(""));
                    assertEquals(haversineKm(lat, lng, spot.lat(), spot.lng()), s.path("distanceKm").asDouble(-1), 0.001, s.toString());
                }
            }
        }
    }

    @Test
    void showsSpotsWithoutStationsOnlyWithoutFilters() {
        FixtureSpot empty = SPOTS.get(0); // every sixth spot, starting with the first, has no station
        Map<String, String> q = new LinkedHashMap<>(Map.of("lat", fmt(empty.lat()), "lng", fmt(empty.lng()), "radiusKm", "0.01"));
        JsonNode spot = search(q).json().path("spots").get(0);
        assertEquals(empty.spotId(), spot.path("spotId").asString(""));
        assertEquals(0, spot.path("connectors").path("total").asInt(-1));
        assertEquals(0, spot.path("connectors").path("available").asInt(-1));
        assertTrue(spot.path("connectors").path("byType").isEmpty());
        assertTrue(spot.hasNonNull("updatedAt"), spot.toString());
        q.put("minPowerKw", "0");
        assertTrue(search(q).json().path("spots").isEmpty(), "a filter needs a matching connector");
    }

    // ------------------------------------------------------------------ freshness and detail

    /** A new spot at (lat, lng) with one registered station of one 150 kW CCS2 connector. */
    private static String spotWithOneCcs2Station(String spotId, double lat, double lng) {
        putSpot(spotId, lat, lng);
        String stationId = ItEnvironment.newStationId();
        ObjectNode body = Payloads.object().put("spotId", spotId);
        body.set("connectors", Payloads.array().add(Payloads.object().put("connectorId", 1).put("type", "CCS2").put("maxPowerKw", 150)));
        AdminApi.registerStation(stationId, body);
        return stationId;
    }

    @Test
    void showsAStatusNotificationInSearchResultsWithinOneSecond() {
        String spotId = ItEnvironment.newSpotId();
        double lat = lat0 + 0.45;
        double lng = lng0 + 0.45;
        String stationId = spotWithOneCcs2Station(spotId, lat, lng);
        Map<String, String> q = Map.of("lat", fmt(lat), "lng", fmt(lng), "radiusKm", "0.5");
        try (OcppTestClient client = OcppTestClient.connectAndBoot(stationId)) {
            Eventually.await(Duration.ofSeconds(5), () -> search(q), r -> availableAt(r, spotId) == 0, "registered spot indexed");
            for (String status : new String[] { "Available", "Charging", "Available" }) {
                client.callExpectingResult("StatusNotification", Payloads.statusNotification(1, status, "NoError", ItEnvironment.now()));
                long sent = System.nanoTime();
                int want = "Available".equals(status) ? 1 : 0;
                Eventually.await(Duration.ofSeconds(1), () -> search(q), r -> availableAt(r, spotId) == want,
                        status + " visible in search within 1 s");
                long ms = (System.nanoTime() - sent) / 1_000_000;
                assertTrue(ms <= 1000, status + " took " + ms + " ms");
            }
        }
    }

    /**
     * Issue 4: the app repeats its searches, and the server answers a repeat from its response
     * cache; a StatusNotification must still show within 1 s in that very search.
     */
    @Test
    void answersRepeatedSearchesFromTheCacheYetShowsAStatusNotificationWithinOneSecond() {
        String spotId = ItEnvironment.newSpotId();
        double lat = lat0 + 0.55;
        double lng = lng0 + 0.55;
        String stationId = spotWithOneCcs2Station(spotId, lat, lng);
        Map<String, String> q = Map.of("lat", fmt(lat), "lng", fmt(lng), "radiusKm", "0.5");
        try (OcppTestClient client = OcppTestClient.connectAndBoot(stationId)) {
            client.callExpectingResult("StatusNotification", Payloads.statusNotification(1, "Charging", "NoError", ItEnvironment.now()));
            Eventually.await(Duration.ofSeconds(5), () -> search(q), r -> r.status() == 200 && availableAt(r, spotId) == 0
                    && r.json().path("spots").get(0).path("connectors").path("total").asInt() == 1, "Charging indexed");
            double hitsBefore = cacheHits();
            Response firstResponse = search(q);
            assertEquals("application/json", firstResponse.contentType(), "served by the servlet fast path like by JAX-RS");
            assertEquals(String.valueOf(firstResponse.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                    firstResponse.headers().firstValue("Content-Length").orElse(""), "sent with its length");
            String first = firstResponse.body();
            for (int i = 0; i < 5; i++) {
                assertEquals(first, search(q).body(), "nothing changed, so the same answer");
            }
            assertTrue(cacheHits() >= hitsBefore + 5, "repeats answered from the cache: " + hitsBefore + " -> " + cacheHits());

            client.callExpectingResult("StatusNotification", Payloads.statusNotification(1, "Available", "NoError", ItEnvironment.now()));
            long sent = System.nanoTime();
            Eventually.await(Duration.ofSeconds(1), () -> search(q), r -> availableAt(r, spotId) == 1,
                    "Available visible in the cached search within 1 s");
            long ms = (System.nanoTime() - sent) / 1_000_000;
            assertTrue(ms <= 1000, "took " + ms + " ms");
        }
    }

    private static double cacheHits() {
        Response metrics = AdminApi.request("GET", "/metrics", null, Credentials.NONE);
        return metrics.body().lines()
                .filter(l -> l.startsWith("voltgate_spot_search_cache_total{") && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no cache hit counter in /metrics"));
    }

    @Test
    void describesASpotWithItsStationsAndLatestStatuses() {
        FixtureSpot spot = SPOTS.stream().filter(s -> s.connectors().size() >= 2).findFirst().orElseThrow();
        Response r = AdminApi.request("GET", "/api/v1/spots/" + spot.spotId(), null, Credentials.NONE);
        assertEquals(200, r.status(), r.toString());
        JsonNode json = r.json();
        assertEquals(spot.spotId(), json.path("spotId").asString(""));
        assertEquals(spot.lat(), json.path("lat").asDouble(), 1e-9);
        assertEquals(spot.connectors().size(), json.path("connectors").path("total").asInt(-1));
        assertEquals(spot.connectors().stream().filter(Conn::available).count(), json.path("connectors").path("available").asLong(-1));
        List<String> listed = new ArrayList<>();
        List<String> stationIds = new ArrayList<>();
        for (JsonNode station : json.path("stations")) {
            stationIds.add(station.path("stationId").asString(""));
            assertTrue(station.path("connected").isBoolean() && station.has("lastSeen") && station.has("status"), station.toString());
            int previous = 0;
            for (JsonNode c : station.path("connectors")) {
                listed.add(new Conn(c.path("type").asString(""), c.path("maxPowerKw").asDouble(), c.path("available").asBoolean())
                        .toString());
                assertTrue(c.has("status") && c.has("errorCode") && c.has("updatedAt"), c.toString());
                assertTrue(c.path("connectorId").asInt() > previous, "connectors by id: " + station);
                previous = c.path("connectorId").asInt();
            }
        }
        assertEquals(stationIds.stream().sorted().toList(), stationIds, "stations by id");
        assertEquals(spot.connectors().stream().map(Conn::toString).sorted().toList(), listed.stream().sorted().toList());
    }

    @Test
    void answers404ForAnUnknownSpot() {
        assertProblem(404, AdminApi.request("GET", "/api/v1/spots/" + ItEnvironment.newSpotId(), null, Credentials.NONE));
    }

    // ------------------------------------------------------------------ 400s

    @ParameterizedTest(name = "[{index}] ?{0}")
    @ValueSource(strings = {
            "", // no coordinates at all
            "connectorType=CCS2",
            "bbox=1,2,3",
            "bbox=1,2,3,4,5",
            "bbox=a,2,3,4",
            "bbox=1,2,3,",
            "bbox=NaN,2,3,4",
            "bbox=Infinity,2,3,4",
            "bbox=0x1p3,2,3,4",
            "bbox=11,2,10,4", // inverted longitude
            "bbox=10,4,11,2", // inverted latitude
            "bbox=179,0,-179,1", // would cross the antimeridian
            "bbox=10,2,15.5,4", // wider than 5 degrees
            "bbox=10,2,11,7.01", // taller than 5 degrees
            "bbox=-181,2,-180,3",
            "bbox=10,90,11,91",
            "lat=35&lng=139",
            "lat=35&radiusKm=5",
            "lng=139&radiusKm=5",
            "lat=abc&lng=139&radiusKm=5",
            "lat=91&lng=139&radiusKm=5",
            "lat=35&lng=181&radiusKm=5",
            "lat=35&lng=139&radiusKm=100.5",
            "lat=35&lng=139&radiusKm=0",
            "lat=35&lng=139&radiusKm=-3",
            "lat=35&lng=139&radiusKm=five",
            "bbox=10,2,11,3&lat=35&lng=139&radiusKm=5",
            "bbox=10,2,11,3&limit=0",
            "bbox=10,2,11,3&limit=501",
            "bbox=10,2,11,3&limit=-1",
            "bbox=10,2,11,3&limit=ten",
            "bbox=10,2,11,3&limit=2.5",
            "bbox=10,2,11,3&connectorType=Schuko",
            "bbox=10,2,11,3&connectorType=CCS2,",
            "bbox=10,2,11,3&minPowerKw=fast",
            "bbox=10,2,11,3&minPowerKw=-1",
            "bbox=10,2,11,3&available=maybe" })
    void rejectsBadParametersWith400(String query) {
        assertProblem(400, AdminApi.request("GET", "/api/v1/spots?" + query, null, Credentials.NONE));
    }

    @Test
    void acceptsTheLimitsThemselves() {
        assertEquals(200, search(Map.of("bbox", "10,2,15,7", "limit", "500")).status());
        assertEquals(200, search(Map.of("lat", "35", "lng", "139", "radiusKm", "100", "limit", "1")).status());
        assertEquals(200, search(Map.of("bbox", "10,2,11,3", "connectorType", "GB/T,CHAdeMO", "minPowerKw", "0",
                "available", "false")).status());
    }

    // ------------------------------------------------------------------ operations

    @Test
    void recordsSearchLatencyAndDocumentsTheApi() {
        search(Map.of("bbox", bbox(0, 0, 0.4, 0.4)));
        Response metrics = AdminApi.request("GET", "/metrics", null, Credentials.NONE);
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("voltgate_spot_search_seconds_count")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1), "search histogram counted");
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("voltgate_spot_search_seconds_bucket{")
                && l.contains("le=\"0.2\"")), "SLO threshold bucket exported");
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("voltgate_spot_search_seconds{")
                && l.contains("quantile=\"0.99\"")), "p99 readable");
        Response openapi = AdminApi.request("GET", "/openapi", null, Credentials.NONE);
        assertTrue(openapi.body().contains("/api/v1/spots/{spotId}") && openapi.body().contains("radiusKm"), "documented");
        Response ready = AdminApi.request("GET", "/health/ready", null, Credentials.NONE);
        assertTrue(ready.body().contains("spot-search-index"), ready.toString());
    }

    // ------------------------------------------------------------------ the oracle

    /** A connector filter as the app sends it. */
    record Filter(Set<String> types, Double minPowerKw, boolean available) {
        static final Filter NONE = new Filter(Set.of(), null, false);
        static final List<Filter> SAMPLES = List.of(NONE,
                new Filter(Set.of("CCS2"), null, false),
                new Filter(Set.of("CHAdeMO", "GB/T"), null, false),
                new Filter(Set.of(), 50.0, false),
                new Filter(Set.of(), null, true),
                new Filter(Set.of("CCS2", "Type2", "NACS"), 150.0, true));

        boolean matches(Conn c) {
            return (types.isEmpty() || types.contains(c.type())) && (minPowerKw == null || c.kw() >= minPowerKw);
        }

        Map<String, String> params() {
            Map<String, String> q = new LinkedHashMap<>();
            if (!types.isEmpty()) {
                q.put("connectorType", String.join(",", types));
            }
            if (minPowerKw != null) {
                q.put("minPowerKw", fmt(minPowerKw));
            }
            if (available) {
                q.put("available", "true");
            }
            return q;
        }
    }

    record Expected(List<String> lines, boolean truncated) {
    }

    /** The expected answer: one line per spot (id, counts, byType) in order, and truncated. */
    private static Expected expected(List<FixtureSpot> inside, double[] center, Filter f, int limit) {
        record Hit(FixtureSpot spot, double distance, String line) {
        }
        List<Hit> hits = new ArrayList<>();
        for (FixtureSpot s : inside) {
            List<Conn> counted = s.connectors().stream().filter(f::matches).toList();
            long available = counted.stream().filter(Conn::available).count();
            boolean filtered = !f.types().isEmpty() || f.minPowerKw() != null;
            if (f.available() ? available == 0 : filtered && counted.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(s.spotId() + " " + counted.size() + "/" + available);
            for (String type : TYPES) {
                List<Conn> ofType = counted.stream().filter(c -> c.type().equals(type)).toList();
                if (!ofType.isEmpty()) {
                    line.append(String.format(Locale.ROOT, " %s:%.1f:%d/%d", type,
                            ofType.stream().mapToDouble(Conn::kw).max().orElseThrow(), ofType.size(),
                            ofType.stream().filter(Conn::available).count()));
                }
            }
            hits.add(new Hit(s, haversineKm(center[0], center[1], s.lat(), s.lng()), line.toString()));
        }
        hits.sort(Comparator.comparingDouble(Hit::distance).thenComparing(h -> h.spot().spotId()));
        return new Expected(hits.stream().limit(limit).map(Hit::line).toList(), hits.size() > limit);
    }

    private static List<String> actualLines(Response r) {
        List<String> lines = new ArrayList<>();
        for (JsonNode s : r.json().path("spots")) {
            JsonNode c = s.path("connectors");
            StringBuilder line = new StringBuilder(s.path("spotId").asString("") + " " + c.path("total").asInt(-1) + "/"
                    + c.path("available").asInt(-1));
            for (JsonNode t : c.path("byType")) {
                line.append(String.format(Locale.ROOT, " %s:%.1f:%d/%d", t.path("type").asString(""),
                        t.path("maxPowerKw").asDouble(), t.path("total").asInt(-1), t.path("available").asInt(-1)));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean sameAs(Expected e, Response r) {
        return e.lines().equals(actualLines(r)) && e.truncated() == r.json().path("truncated").asBoolean(!e.truncated());
    }

    private static void assertMatches(Expected e, Response r, Map<String, String> q) {
        assertEquals(e.lines(), actualLines(r), () -> "spots for " + q);
        assertEquals(e.truncated(), r.json().path("truncated").asBoolean(!e.truncated()), () -> "truncated for " + q);
        assertTrue(r.json().path("truncated").isBoolean(), r.toString());
        r.json().path("spots").forEach(s -> {
            FixtureSpot f = byId(s.path("spotId").asString(""));
            assertEquals(f.lat(), s.path("lat").asDouble(), 1e-9);
            assertEquals(f.lng(), s.path("lng").asDouble(), 1e-9);
            assertTrue(s.hasNonNull("name") && s.hasNonNull("updatedAt"), s.toString());
        });
    }

    private static double haversineKm(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double h = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lng2 - lng1) / 2), 2);
        return 2 * 6371.0088 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
    }

    // ------------------------------------------------------------------ helpers

    private static List<FixtureSpot> allIn(double dLng0, double dLat0, double dLng1, double dLat1) {
        double[] b = box(dLng0, dLat0, dLng1, dLat1);
        Predicate<FixtureSpot> in = s -> s.lng() >= lng0 + dLng0 && s.lng() <= lng0 + dLng1
                && s.lat() >= lat0 + dLat0 && s.lat() <= lat0 + dLat1;
        return SPOTS.stream().filter(in).filter(s -> b != null).toList();
    }

    /** The center of the box (lat, lng), which bbox results are ordered by. */
    private static double[] box(double dLng0, double dLat0, double dLng1, double dLat1) {
        return new double[] { lat0 + (dLat0 + dLat1) / 2, lng0 + (dLng0 + dLng1) / 2 };
    }

    private static String bbox(double dLng0, double dLat0, double dLng1, double dLat1) {
        return fmt(lng0 + dLng0) + "," + fmt(lat0 + dLat0) + "," + fmt(lng0 + dLng1) + "," + fmt(lat0 + dLat1);
    }

    private static String fmt(double v) {
        return Double.toString(v);
    }

    private static FixtureSpot byId(String id) {
        return SPOTS.stream().filter(s -> s.spotId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("unexpected spot " + id));
    }

    private static int availableAt(Response r, String spotId) {
        for (JsonNode s : r.json().path("spots")) {
            if (s.path("spotId").asString("").equals(spotId)) {
                return s.path("connectors").path("available").asInt(-1);
            }
        }
        return -1;
    }

    private static Response search(Map<String, String> query) {
        return AdminApi.request("GET", "/api/v1/spots" + AdminApi.queryString(query), null, Credentials.NONE);
    }

    private static void putSpot(String spotId, double lat, double lng) {
        Response r = AdminApi.putSpot(spotId, Payloads.object().put("name", "IT " + spotId).put("lat", lat).put("lng", lng));
        assertTrue(r.status() == 201 || r.status() == 200, r.toString());
    }
}
