package io.voltgate.spotsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.sharedkernel.ConnectorStatus;
import io.voltgate.sharedkernel.ConnectorType;
import io.voltgate.sharedkernel.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The grid index against a brute-force oracle written here from CONTRACT §2 (its own
 * haversine, its own counting): thousands of random spots and queries, including circles
 * across the antimeridian and near a pole.
 */
class SpotIndexTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final ConnectorType[] TYPES = ConnectorType.values();
  private static final ConnectorStatus[] STATUSES = ConnectorStatus.values();

  @Test
  void answersRandomBoxesAndCirclesExactlyLikeTheOracle() {
    Random random = new Random(42);
    List<IndexedSpot> spots = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      spots.add(randomSpot(random, "S" + i, 35 + random.nextDouble() * 4, 139 + random.nextDouble() * 4));
    }
    // clusters on the antimeridian and near the north pole, and a few exactly on cell edges
    for (int i = 0; i < 300; i++) {
      spots.add(randomSpot(random, "F" + i, -17 + random.nextDouble() * 2, random.nextBoolean() ? 179 + random.nextDouble() : -180 + random.nextDouble()));
      spots.add(randomSpot(random, "P" + i, 89.3 + random.nextDouble() * 0.7, -180 + random.nextDouble() * 360));
    }
    for (int i = 0; i < 50; i++) {
      spots.add(randomSpot(random, "E" + i, 36.0 + i * 0.1, 140.0 + (i % 7) * 0.1));
    }
    SpotIndex index = SpotIndex.of(spots);

    int nonEmpty = 0;
    for (int q = 0; q < 1500; q++) {
      SpotQuery query = randomQuery(random);
      SpotSearchResult expected = oracle(spots, query);
      SpotSearchResult actual = index.search(query, NOW);
      assertSame(expected, actual, query);
      if (!expected.spots().isEmpty()) {
        nonEmpty++;
      }
    }
    assertTrue(nonEmpty > 700, "most random queries find spots, so the comparison means something: " + nonEmpty);
  }

  /**
   * Issue 4: the response cache serves an answer while {@link SpotIndex#stillAnswers} holds, so
   * whenever it holds the answer must be exactly the oracle's on the new data at the new time.
   * Snapshots evolve as the refresher makes them (statuses and presence change in place, now
   * and then a spot moves, appears or disappears) while the clock runs past stations' 2-minute
   * contact limits.
   */
  @Test
  void aResultStillAnswersOnlyWhileNothingItCountedChanged() {
    Random random = new Random(7);
    List<IndexedSpot> spots = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      spots.add(randomSpot(random, "S" + i, 35 + random.nextDouble() * 4, 139 + random.nextDouble() * 4));
    }
    SpotIndex index = SpotIndex.of(spots);
    int held = 0;
    int broken = 0;
    int revisedCount = 0;
    for (int round = 0; round < 1000; round++) {
      SpotQuery query = randomQuery(random);
      Instant then = NOW;
      SpotSearchResult before = index.search(query, then);
      // evolve the data: a few spots change
      List<IndexedSpot> changed = new ArrayList<>();
      Set<String> removed = new java.util.HashSet<>();
      int changes = random.nextInt(4);
      for (int c = 0; c < changes; c++) {
        IndexedSpot victim = spots.get(random.nextInt(spots.size()));
        int kind = random.nextInt(20);
        if (kind == 0) { // moves a little, within its cell or not
          changed.add(randomSpot(random, victim.spotId(), victim.position().lat() + 0.01, victim.position().lng()));
        } else if (kind == 1) {
          removed.add(victim.spotId());
        } else if (kind == 2) {
          changed.add(randomSpot(random, "N" + round + "-" + c, victim.position().lat() - 0.001, victim.position().lng()));
        } else { // a status or presence change: same place, new value
          changed.add(randomSpot(random, victim.spotId(), victim.position().lat(), victim.position().lng()));
        }
      }
      changed.removeIf(s -> removed.contains(s.spotId()));
      index = index.with(changed, removed);
      java.util.Map<String, IndexedSpot> all = new java.util.LinkedHashMap<>();
      spots.forEach(s -> all.put(s.spotId(), s));
      changed.forEach(s -> all.put(s.spotId(), s));
      removed.forEach(all::remove);
      spots = new ArrayList<>(all.values());
      // and the clock: 0, 1 s or up to 100 s later (contact of 30 s ago runs out after 90 s)
      Instant now = then.plusSeconds(random.nextInt(3) == 0 ? random.nextInt(101) : random.nextInt(2));
      if (index.stillAnswers(before.dependencies(), now)) {
        held++;
        assertSame(oracle(spots, query, now), before, query);
      } else {
        broken++;
        SpotSearchResult revised = index.revise(before, query, now);
        if (revised != null) {
          revisedCount++;
          assertSame(oracle(spots, query, now), revised, query);
          assertTrue(index.stillAnswers(revised.dependencies(), now), "a revised answer holds at once");
        }
      }
    }
    assertTrue(held > 100, "most answers survive a few changes elsewhere: " + held);
    assertTrue(broken > 10, "and some do not: " + broken);
    assertTrue(revisedCount > 5, "some of those are revised rather than recomputed: " + revisedCount);
  }

  @Test
  void aChangedCountedSpotAMovedSpotOrAnExpiredContactEndsAnAnswer() {
    StationPresence recent = new StationPresence("ST", false, NOW.minusSeconds(100));
    IndexedSpot a = new IndexedSpot("A", "A", new GeoPoint(36.0, 140.0), NOW, List.of(recent),
        List.of(new IndexedConnector(0, 1, ConnectorType.CCS2, 50, ConnectorStatus.Available)));
    IndexedSpot b = spot("B", 36.01, 140.0);
    IndexedSpot far = spot("FAR", 36.09, 140.09);
    SpotIndex index = SpotIndex.of(List.of(a, b, far));
    SpotQuery nearest = new SpotQuery(new BoundingBox(139.9, 35.9, 140.1, 36.1), null, false, 1);
    SpotSearchResult r = index.search(nearest, NOW);
    assertEquals(List.of("A"), ids(r));

    assertTrue(index.stillAnswers(r.dependencies(), NOW.plusSeconds(20)), "contact of 100 s ago holds for 20 s more");
    assertFalse(index.stillAnswers(r.dependencies(), NOW.plusSeconds(21)), "and not a nanosecond longer than 120 s");
    assertFalse(index.stillAnswers(r.dependencies(), NOW.minusSeconds(1)), "a clock that went back");

    SpotIndex statusChanged = index.with(List.of(new IndexedSpot("A", "A", new GeoPoint(36.0, 140.0), NOW, List.of(recent),
        List.of(new IndexedConnector(0, 1, ConnectorType.CCS2, 50, ConnectorStatus.Charging)))), Set.of());
    assertFalse(statusChanged.stillAnswers(r.dependencies(), NOW), "the counted spot changed");

    SpotIndex farChanged = index.with(List.of(spot("FAR", 36.09, 140.09)), Set.of());
    assertTrue(farChanged.stillAnswers(r.dependencies(), NOW), "a spot the answer never counted changed");

    SpotIndex farMoved = index.with(List.of(spot("FAR", 36.0, 140.001)), Set.of());
    assertFalse(farMoved.stillAnswers(r.dependencies(), NOW), "a spot moved (it may now be nearer)");
    SpotIndex added = index.with(List.of(spot("NEW", 36.0, 140.0)), Set.of());
    assertFalse(added.stillAnswers(r.dependencies(), NOW), "a spot appeared");
    SpotIndex rebuilt = SpotIndex.of(List.of(a, b, far));
    assertFalse(rebuilt.stillAnswers(r.dependencies(), NOW), "a snapshot built afresh shares nothing");
  }

  @Test
  void includesSpotsExactlyOnTheBoxEdges() {
    List<IndexedSpot> spots = List.of(
        spot("SW", 36.0, 140.0), spot("NE", 36.5, 140.5), spot("OUT", 36.5000001, 140.5));
    SpotSearchResult r = SpotIndex.of(spots).search(
        new SpotQuery(new BoundingBox(140.0, 36.0, 140.5, 36.5), null, false, 10), NOW);
    assertEquals(List.of("NE", "SW"), ids(r).stream().sorted().toList());
  }

  @Test
  void findsSpotsAcrossTheAntimeridianInACircle() {
    List<IndexedSpot> spots = List.of(spot("EAST", -17.0, 179.95), spot("WEST", -17.0, -179.95), spot("FAR", -17.0, -179.0));
    SpotSearchResult r = SpotIndex.of(spots).search(
        new SpotQuery(new Circle(new GeoPoint(-17.0, 179.99), 20), null, false, 10), NOW);
    assertEquals(List.of("EAST", "WEST"), ids(r));
  }

  @Test
  void truncatesOnlyWhenMoreSpotsMatchThanTheLimit() {
    List<IndexedSpot> spots = List.of(spot("A", 36.0, 140.0), spot("B", 36.01, 140.0), spot("C", 36.02, 140.0));
    SpotIndex index = SpotIndex.of(spots);
    BoundingBox box = new BoundingBox(139.9, 35.9, 140.1, 36.1);
    assertFalse(index.search(new SpotQuery(box, null, false, 3), NOW).truncated());
    SpotSearchResult two = index.search(new SpotQuery(box, null, false, 2), NOW);
    assertTrue(two.truncated());
    assertEquals(2, two.spots().size());
  }

  @Test
  void replacesChangedSpotsAndMovesThemBetweenCells() {
    SpotIndex index = SpotIndex.of(List.of(spot("A", 36.0, 140.0), spot("B", 36.0, 140.05)));
    SpotIndex moved = index.with(List.of(spot("A", 10.0, 10.0)), Set.of("B"));
    BoundingBox tokyo = new BoundingBox(139.9, 35.9, 140.1, 36.1);
    assertEquals(List.of(), ids(moved.search(new SpotQuery(tokyo, null, false, 10), NOW)));
    assertEquals(List.of("A"), ids(moved.search(new SpotQuery(new BoundingBox(9.9, 9.9, 10.1, 10.1), null, false, 10), NOW)));
    assertEquals(List.of("A", "B"), ids(index.search(new SpotQuery(tokyo, null, false, 10), NOW)), "old snapshot unchanged");
  }

  @Test
  void rejectsAreasOutsideTheContract() {
    assertThrows(IllegalArgumentException.class, () -> new BoundingBox(141, 35, 140, 36));
    assertThrows(IllegalArgumentException.class, () -> new BoundingBox(140, 36, 141, 35));
    assertThrows(IllegalArgumentException.class, () -> new BoundingBox(140, 35, 145.0001, 36));
    assertThrows(IllegalArgumentException.class, () -> new BoundingBox(140, 35, 141, 40.0001));
    assertThrows(IllegalArgumentException.class, () -> new BoundingBox(140, 35, 181, 36));
    assertThrows(IllegalArgumentException.class, () -> new BoundingBox(140, Double.NaN, 141, 36));
    assertThrows(IllegalArgumentException.class, () -> new Circle(new GeoPoint(35, 140), 100.0001));
    assertThrows(IllegalArgumentException.class, () -> new Circle(new GeoPoint(35, 140), 0));
    assertThrows(IllegalArgumentException.class, () -> new SpotQuery(new Circle(new GeoPoint(35, 140), 1), null, false, 0));
    assertThrows(IllegalArgumentException.class, () -> new SpotQuery(new Circle(new GeoPoint(35, 140), 1), null, false, 501));
    assertThrows(IllegalArgumentException.class, () -> new ConnectorFilter(Set.of(), -1.0));
    new BoundingBox(140, 35, 145, 40); // exactly 5 degrees is allowed
    new Circle(new GeoPoint(35, 140), 100); // exactly 100 km is allowed
  }

  // ------------------------------------------------------------------ the oracle

  /** CONTRACT §2 applied to every spot, one by one, with nothing shared with the index. */
  private static SpotSearchResult oracle(List<IndexedSpot> spots, SpotQuery q) {
    return oracle(spots, q, NOW);
  }

  private static SpotSearchResult oracle(List<IndexedSpot> spots, SpotQuery q, Instant now) {
    record Candidate(IndexedSpot spot, double distance, ConnectorCounts counts) {}
    List<Candidate> matched = new ArrayList<>();
    for (IndexedSpot s : spots) {
      double lat = s.position().lat();
      double lng = s.position().lng();
      double distance;
      if (q.area() instanceof BoundingBox b) {
        if (lat < b.minLat() || lat > b.maxLat() || lng < b.minLng() || lng > b.maxLng()) {
          continue;
        }
        distance = haversineKm((b.minLat() + b.maxLat()) / 2, (b.minLng() + b.maxLng()) / 2, lat, lng);
      } else {
        Circle c = (Circle) q.area();
        distance = haversineKm(c.center().lat(), c.center().lng(), lat, lng);
        if (distance > c.radiusKm()) {
          continue;
        }
      }
      int total = 0;
      int available = 0;
      TreeMap<ConnectorType, double[]> byType = new TreeMap<>();
      for (IndexedConnector c : s.connectors()) {
        boolean typeOk = q.filter().types().isEmpty() || q.filter().types().contains(c.type());
        boolean powerOk = q.filter().minPowerKw() == null || c.maxPowerKw() >= q.filter().minPowerKw();
        if (!typeOk || !powerOk) {
          continue;
        }
        StationPresence st = s.stations().get(c.station());
        boolean live = st.connected() || (st.lastSeen() != null && now.getEpochSecond() - st.lastSeen().getEpochSecond() <= 120);
        boolean free = c.status() == ConnectorStatus.Available && live;
        total++;
        available += free ? 1 : 0;
        double[] t = byType.computeIfAbsent(c.type(), k -> new double[3]);
        t[0] = Math.max(t[0], c.maxPowerKw());
        t[1]++;
        t[2] += free ? 1 : 0;
      }
      boolean filtered = !q.filter().types().isEmpty() || q.filter().minPowerKw() != null;
      if (q.availableOnly() ? available == 0 : filtered && total == 0) {
        continue;
      }
      List<TypeCount> types = new ArrayList<>();
      byType.forEach((type, t) -> types.add(new TypeCount(type, t[0], (int) t[1], (int) t[2])));
      matched.add(new Candidate(s, distance, new ConnectorCounts(total, available, types)));
    }
    matched.sort(Comparator.comparingDouble(Candidate::distance).thenComparing(c -> c.spot().spotId()));
    List<SpotHit> hits = new ArrayList<>();
    for (int i = 0; i < Math.min(q.limit(), matched.size()); i++) {
      Candidate c = matched.get(i);
      hits.add(new SpotHit(c.spot(), c.distance(), c.counts()));
    }
    return new SpotSearchResult(hits, matched.size() > q.limit());
  }

  private static double haversineKm(double lat1, double lng1, double lat2, double lng2) {
    double p1 = lat1 * Math.PI / 180;
    double p2 = lat2 * Math.PI / 180;
    double h = Math.pow(Math.sin((p2 - p1) / 2), 2)
        + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin((lng2 - lng1) * Math.PI / 360), 2);
    return 2 * 6371.0088 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
  }

  private static void assertSame(SpotSearchResult expected, SpotSearchResult actual, SpotQuery q) {
    assertEquals(ids(expected), ids(actual), () -> "ids for " + q);
    assertEquals(expected.truncated(), actual.truncated(), () -> "truncated for " + q);
    for (int i = 0; i < expected.spots().size(); i++) {
      SpotHit e = expected.spots().get(i);
      SpotHit a = actual.spots().get(i);
      assertEquals(e.connectors(), a.connectors(), () -> "counts of " + e.spot().spotId() + " for " + q);
      assertEquals(e.distanceKm(), a.distanceKm(), 1e-6, () -> "distance of " + e.spot().spotId());
    }
  }

  // ------------------------------------------------------------------ random data

  private static SpotQuery randomQuery(Random r) {
    SearchArea area;
    int kind = r.nextInt(10);
    if (kind < 5) {
      double w = r.nextDouble() * 5;
      double h = r.nextDouble() * 5;
      double lng = 138 + r.nextDouble() * 5;
      double lat = 34 + r.nextDouble() * 5;
      area = new BoundingBox(lng, lat, Math.min(180, lng + w), Math.min(90, lat + h));
    } else if (kind < 8) {
      area = new Circle(new GeoPoint(35 + r.nextDouble() * 4, 139 + r.nextDouble() * 4), 0.5 + r.nextDouble() * 99.5);
    } else if (kind == 8) {
      area = new Circle(new GeoPoint(-17 + r.nextDouble() * 2, r.nextBoolean() ? 179.9 : -179.9), 1 + r.nextDouble() * 99);
    } else {
      area = new Circle(new GeoPoint(89 + r.nextDouble(), -180 + r.nextDouble() * 360), 1 + r.nextDouble() * 99);
    }
    EnumSet<ConnectorType> types = EnumSet.noneOf(ConnectorType.class);
    if (r.nextBoolean()) {
      for (int i = 0; i < 1 + r.nextInt(2); i++) {
        types.add(TYPES[r.nextInt(TYPES.length)]);
      }
    }
    Double minPower = r.nextInt(3) == 0 ? (double) new int[] {0, 22, 50, 150, 350}[r.nextInt(5)] : null;
    int limit = r.nextInt(4) == 0 ? 1 + r.nextInt(20) : 1 + r.nextInt(500);
    return new SpotQuery(area, new ConnectorFilter(types, minPower), r.nextInt(3) == 0, limit);
  }

  private static IndexedSpot randomSpot(Random r, String id, double lat, double lng) {
    List<StationPresence> stations = new ArrayList<>();
    List<IndexedConnector> connectors = new ArrayList<>();
    int stationCount = r.nextInt(4); // some spots have no station at all
    for (int s = 0; s < stationCount; s++) {
      int presence = r.nextInt(4);
      Instant lastSeen = switch (presence) {
        case 0 -> null;
        case 1 -> NOW.minusSeconds(30);
        case 2 -> NOW.minusSeconds(120); // exactly at the limit: still heard from
        default -> NOW.minusSeconds(121);
      };
      stations.add(new StationPresence(id + "-st" + s, r.nextInt(3) == 0, lastSeen));
      for (int c = 1; c <= 1 + r.nextInt(4); c++) {
        ConnectorStatus status = r.nextInt(5) == 0 ? null : r.nextBoolean() ? ConnectorStatus.Available : STATUSES[r.nextInt(STATUSES.length)];
        double power = new double[] {3.7, 7.4, 22, 50, 150, 350}[r.nextInt(6)];
        connectors.add(new IndexedConnector(s, c, TYPES[r.nextInt(TYPES.length)], power, status));
      }
    }
    return new IndexedSpot(id, "Spot " + id, new GeoPoint(Math.min(90, lat), Math.max(-180, Math.min(180, lng))), NOW, stations, connectors);
  }

  private static IndexedSpot spot(String id, double lat, double lng) {
    return new IndexedSpot(id, id, new GeoPoint(lat, lng), NOW, List.of(), List.of());
  }

  private static List<String> ids(SpotSearchResult r) {
    return r.spots().stream().map(h -> h.spot().spotId()).toList();
  }
}
