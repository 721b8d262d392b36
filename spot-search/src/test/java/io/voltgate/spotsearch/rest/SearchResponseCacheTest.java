package io.voltgate.spotsearch.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.sharedkernel.ConnectorStatus;
import io.voltgate.sharedkernel.ConnectorType;
import io.voltgate.sharedkernel.GeoPoint;
import io.voltgate.spotsearch.search.BoundingBox;
import io.voltgate.spotsearch.search.Circle;
import io.voltgate.spotsearch.search.IndexedConnector;
import io.voltgate.spotsearch.search.IndexedSpot;
import io.voltgate.spotsearch.search.IndexedSpotSearch;
import io.voltgate.spotsearch.search.SpotIndex;
import io.voltgate.spotsearch.search.SpotQuery;
import io.voltgate.spotsearch.search.SpotSearch;
import io.voltgate.spotsearch.search.StationPresence;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The response cache of issue 4: a repeated search is answered from the cache, and never once
 * the index would answer differently (a StatusNotification, a moved spot, a station's contact
 * running out); it stays within its byte budget; and under concurrent searches and snapshot
 * swaps every answer is the one the snapshot of its moment gives.
 */
class SearchResponseCacheTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final SpotQuery TOKYO = new SpotQuery(new Circle(new GeoPoint(35.68, 139.76), 5), null, false, 100);

  private final IndexedSpotSearch search = new IndexedSpotSearch();

  private static IndexedSpot spot(String id, double lat, double lng, ConnectorStatus status) {
    return new IndexedSpot(id, "Spot " + id, new GeoPoint(lat, lng), NOW, List.of(new StationPresence(id + "-1", true, null)),
        List.of(new IndexedConnector(0, 1, ConnectorType.CCS2, 150, status)));
  }

  private static JsonObject json(byte[] body) {
    return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
  }

  private static int available(byte[] body, String spotId) {
    return json(body).getJsonArray("spots").stream().map(v -> v.asJsonObject())
        .filter(s -> s.getString("spotId").equals(spotId))
        .mapToInt(s -> s.getJsonObject("connectors").getInt("available")).findFirst().orElse(-1);
  }

  @Test
  void answersARepeatedSearchFromTheCacheWithTheSameBytes() {
    search.publish(SpotIndex.of(List.of(spot("A", 35.68, 139.76, ConnectorStatus.Available))));
    SearchResponseCache cache = new SearchResponseCache(search, 1 << 20);
    SearchResponseCache.Answer first = cache.answer(TOKYO, NOW);
    SearchResponseCache.Answer second = cache.answer(TOKYO, NOW.plusMillis(300));
    assertFalse(first.cached());
    assertTrue(second.cached());
    assertArrayEquals(first.body(), second.body());
    assertArrayEquals(SearchJsonWriter.write(search.search(TOKYO, NOW), true), second.body());
  }

  /** Issue 4: a StatusNotification must show in results within 1 s, cached answer or not. */
  @Test
  void aStatusChangeEndsTheCachedAnswerAtTheNextSnapshot() {
    IndexedSpot far = spot("FAR", 35.0, 135.0, ConnectorStatus.Available);
    search.publish(SpotIndex.of(List.of(spot("A", 35.68, 139.76, ConnectorStatus.Charging), far)));
    SearchResponseCache cache = new SearchResponseCache(search, 1 << 20);
    assertEquals(0, available(cache.answer(TOKYO, NOW).body(), "A"));
    assertTrue(cache.answer(TOKYO, NOW).cached());

    // the refresher publishes the spot rebuilt from its new latest status
    search.publish(search.current().with(List.of(spot("A", 35.68, 139.76, ConnectorStatus.Available)), Set.of()));
    SearchResponseCache.Answer after = cache.answer(TOKYO, NOW);
    assertFalse(after.cached());
    assertEquals(1, available(after.body(), "A"));
    assertTrue(cache.answer(TOKYO, NOW).cached(), "and the new answer is cached in turn");

    // a change the answer never counted (another city) keeps it
    search.publish(search.current().with(List.of(spot("FAR", 35.0, 135.0, ConnectorStatus.Faulted)), Set.of()));
    assertTrue(cache.answer(TOKYO, NOW).cached());
  }

  @Test
  void aStatusChangeThatKeepsEverySpotQualifiedIsRevisedNotSearchedAgain() {
    search.publish(SpotIndex.of(List.of(spot("A", 35.68, 139.76, ConnectorStatus.Available),
        spot("B", 35.681, 139.761, ConnectorStatus.Available), spot("C", 35.682, 139.762, ConnectorStatus.Charging))));
    SearchResponseCache cache = new SearchResponseCache(search, 1 << 20);
    SpotQuery availableOnly = new SpotQuery(TOKYO.area(), null, true, 100);
    cache.answer(TOKYO, NOW);
    cache.answer(availableOnly, NOW);

    // B goes from Available to Charging: every spot still qualifies for the unfiltered search
    search.publish(search.current().with(List.of(spot("B", 35.681, 139.761, ConnectorStatus.Charging)), Set.of()));
    SearchResponseCache.Answer revised = cache.answer(TOKYO, NOW.plusSeconds(1));
    assertEquals(SearchResponseCache.Source.REVISED, revised.source());
    assertArrayEquals(SearchJsonWriter.write(search.search(TOKYO, NOW.plusSeconds(1)), true), revised.body());
    assertEquals(0, available(revised.body(), "B"));
    assertTrue(cache.answer(TOKYO, NOW.plusSeconds(1)).cached(), "the revised answer is cached in turn");

    // ... but B no longer qualifies for available=true: searched again
    SearchResponseCache.Answer again = cache.answer(availableOnly, NOW.plusSeconds(1));
    assertEquals(SearchResponseCache.Source.COMPUTED, again.source());
    assertArrayEquals(SearchJsonWriter.write(search.search(availableOnly, NOW.plusSeconds(1)), true), again.body());
    assertEquals(-1, available(again.body(), "B"), "B is gone from the available-only answer");
  }

  @Test
  void aSpotAppearingInTheAreaEndsTheCachedAnswer() {
    search.publish(SpotIndex.of(List.of(spot("A", 35.68, 139.76, ConnectorStatus.Available))));
    SearchResponseCache cache = new SearchResponseCache(search, 1 << 20);
    cache.answer(TOKYO, NOW);
    search.publish(search.current().with(List.of(spot("B", 35.681, 139.761, ConnectorStatus.Available)), Set.of()));
    SearchResponseCache.Answer after = cache.answer(TOKYO, NOW);
    assertEquals(SearchResponseCache.Source.COMPUTED, after.source(), "a new layout cannot be revised");
    assertEquals(2, json(after.body()).getJsonArray("spots").size());
  }

  @Test
  void aStationsContactRunningOutEndsTheCachedAnswer() {
    IndexedSpot heard = new IndexedSpot("H", "H", new GeoPoint(35.68, 139.76), NOW,
        List.of(new StationPresence("H-1", false, NOW.minusSeconds(119))),
        List.of(new IndexedConnector(0, 1, ConnectorType.CCS2, 150, ConnectorStatus.Available)));
    search.publish(SpotIndex.of(List.of(heard)));
    SearchResponseCache cache = new SearchResponseCache(search, 1 << 20);
    assertEquals(1, available(cache.answer(TOKYO, NOW).body(), "H"));
    assertTrue(cache.answer(TOKYO, NOW.plusMillis(999)).cached());
    SearchResponseCache.Answer later = cache.answer(TOKYO, NOW.plusSeconds(2));
    assertFalse(later.cached(), "heard from 121 s ago: no longer available (CONTRACT §2)");
    assertEquals(0, available(later.body(), "H"));
  }

  @Test
  void sharesOneEntryBetweenSpellingsOfTheSameQuery() {
    search.publish(SpotIndex.of(List.of(spot("A", 35.68, 139.76, ConnectorStatus.Available))));
    SearchResponseCache cache = new SearchResponseCache(search, 1 << 20);
    SpotQuery one = SearchParams.parse("139.7,35.6,139.8,35.7", null, null, null, "CCS2,CHAdeMO", "50", null, null);
    SpotQuery two = SearchParams.parse("139.70,35.60,139.80,35.70", null, null, null, "CHAdeMO, CCS2", "50.0", "false", "100");
    assertFalse(cache.answer(one, NOW).cached());
    assertTrue(cache.answer(two, NOW).cached());
  }

  @Test
  void neverReusesAnswersOfASearchThatCannotTellWhetherTheyHold() {
    SpotIndex index = SpotIndex.of(List.of(spot("A", 35.68, 139.76, ConnectorStatus.Available)));
    SpotSearch naiveLike = (q, now) -> {
      var r = index.search(q, now);
      return new io.voltgate.spotsearch.search.SpotSearchResult(r.spots(), r.truncated());
    };
    SearchResponseCache cache = new SearchResponseCache(naiveLike, 1 << 20);
    cache.answer(TOKYO, NOW);
    assertFalse(cache.answer(TOKYO, NOW).cached());
    assertEquals(0, cache.size());
  }

  @Test
  void staysWithinItsByteBudget() {
    List<IndexedSpot> spots = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      spots.add(spot("S" + i, 35.0 + i * 0.001, 139.0, ConnectorStatus.Available));
    }
    search.publish(SpotIndex.of(spots));
    long budget = 200_000;
    SearchResponseCache cache = new SearchResponseCache(search, budget);
    long bodies = 0;
    for (int i = 0; i < 300; i++) {
      SpotQuery q = new SpotQuery(new BoundingBox(138.9 + i * 1e-4, 34.9, 139.1, 35.5), null, false, 100);
      bodies += cache.answer(q, NOW).body().length;
    }
    assertTrue(bodies > 10 * budget, "the answers together are much larger than the budget: " + bodies);
    long held = cache.weightedSize();
    assertTrue(held <= budget, "holds " + held + " bytes for a budget of " + budget);
    assertTrue(held > budget / 4, "and does use it: " + held);
    assertTrue(cache.size() < 300, "entries were evicted: " + cache.size());
  }

  @Test
  void aZeroBudgetKeepsNothing() {
    search.publish(SpotIndex.of(List.of(spot("A", 35.68, 139.76, ConnectorStatus.Available))));
    SearchResponseCache cache = new SearchResponseCache(search, 0);
    cache.answer(TOKYO, NOW);
    assertFalse(cache.answer(TOKYO, NOW).cached());
    assertEquals(0, cache.size());
  }

  /**
   * Searches on 8 threads while snapshots with status changes are published (at least 300, every
   * 200 us or so): whenever no snapshot was published during a search, its answer must be
   * exactly what that snapshot gives, cached or not.
   */
  @Test
  void answersExactlyUnderConcurrentSearchesAndSnapshotSwaps() throws Exception {
    Random random = new Random(3);
    List<IndexedSpot> spots = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      spots.add(spot("S" + i, 35.5 + random.nextDouble() * 0.4, 139.5 + random.nextDouble() * 0.4, ConnectorStatus.Available));
    }
    search.publish(SpotIndex.of(spots));
    List<SpotQuery> queries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      queries.add(new SpotQuery(new Circle(new GeoPoint(35.5 + random.nextDouble() * 0.4, 139.5 + random.nextDouble() * 0.4),
          1 + random.nextDouble() * 5), null, i % 3 == 0, 1 + random.nextInt(50)));
    }
    SearchResponseCache cache = new SearchResponseCache(search, 1 << 22);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger checked = new AtomicInteger();
    AtomicInteger hits = new AtomicInteger();
    AtomicInteger revisions = new AtomicInteger();
    AtomicInteger swaps = new AtomicInteger();
    Set<String> failures = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(9);
    CountDownLatch go = new CountDownLatch(1);
    Future<?> writer = pool.submit(() -> {
      Random w = new Random(4);
      go.await();
      while (!stop.get()) {
        IndexedSpot old = spots.get(w.nextInt(spots.size()));
        ConnectorStatus status = w.nextBoolean() ? ConnectorStatus.Available : ConnectorStatus.Charging;
        search.publish(search.current().with(List.of(spot(old.spotId(), old.position().lat(), old.position().lng(), status)), Set.of()));
        swaps.incrementAndGet();
        TimeUnit.MICROSECONDS.sleep(200);
      }
      return null;
    });
    List<Future<?>> readers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int seed = t;
      readers.add(pool.submit(() -> {
        Random r = new Random(seed);
        go.await();
        while (!stop.get()) {
          SpotQuery q = queries.get(r.nextInt(queries.size()));
          SpotIndex before = search.current();
          SearchResponseCache.Answer a = cache.answer(q, NOW);
          if (search.current() == before) {
            checked.incrementAndGet();
            if (a.cached()) {
              hits.incrementAndGet();
            } else if (a.source() == SearchResponseCache.Source.REVISED) {
              revisions.incrementAndGet();
            }
            byte[] exact = SearchJsonWriter.write(before.search(q, NOW), q.isRadius());
            if (!java.util.Arrays.equals(exact, a.body())) {
              failures.add(q + (a.cached() ? " (cached)" : ""));
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    // Until enough of both happened (a loaded 2-core machine starves the writer), at most 30 s.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while ((swaps.get() < 300 || checked.get() < 2000) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    stop.set(true);
    writer.get(10, TimeUnit.SECONDS);
    for (Future<?> f : readers) {
      f.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(Set.of(), failures);
    assertTrue(swaps.get() >= 300, "snapshots published: " + swaps.get());
    assertTrue(checked.get() >= 2000, "answers checked: " + checked.get());
    assertTrue(hits.get() > checked.get() / 10, "some from the cache: " + hits.get() + " of " + checked.get());
    assertTrue(revisions.get() > 0, "some revised: " + revisions.get());
  }
}
