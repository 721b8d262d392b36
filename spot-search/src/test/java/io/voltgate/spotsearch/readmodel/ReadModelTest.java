package io.voltgate.spotsearch.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.sharedkernel.ConnectorStatus;
import io.voltgate.spotsearch.readmodel.ChangeFeed.Changes;
import io.voltgate.spotsearch.readmodel.ChangeFeed.Marks;
import io.voltgate.spotsearch.readmodel.Rows.ConnectorRow;
import io.voltgate.spotsearch.readmodel.Rows.SpotRow;
import io.voltgate.spotsearch.readmodel.Rows.StationRow;
import io.voltgate.spotsearch.readmodel.Rows.StatusRow;
import io.voltgate.sharedkernel.GeoPoint;
import io.voltgate.spotsearch.search.Circle;
import io.voltgate.spotsearch.search.IndexedSpot;
import io.voltgate.spotsearch.search.SearchDependencies;
import io.voltgate.spotsearch.search.SpotIndex;
import io.voltgate.spotsearch.search.SpotQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The read model's change bookkeeping against an in-memory fake of the four tables. */
class ReadModelTest {

  private static final LocalDateTime T0 = LocalDateTime.parse("2026-11-24T12:00:00");
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private final FakeTables db = new FakeTables();

  @Test
  void buildsSpotsFromAFullLoad() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    db.station("S1", "A", true, 1);
    db.connector("S1", 1, "CCS2", 150, 1);
    db.connector("S1", 2, "CHAdeMO", 50, 1);
    db.status("S1", 1, "Available", 1);
    ReadModel model = ReadModel.load(db, Duration.ofSeconds(5));
    IndexedSpot a = model.index().get("A").orElseThrow();
    assertEquals(2, a.connectors().size());
    assertEquals(ConnectorStatus.Available, a.connectors().get(0).status());
    assertNull(a.connectors().get(1).status());
  }

  @Test
  void appliesANewerStatusAndAsksOnlyForRowsChangedSinceTheMarkerMinusTheOverlap() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    db.station("S1", "A", true, 1);
    db.connector("S1", 1, "CCS2", 150, 1);
    db.status("S1", 1, "Charging", 1);
    ReadModel model = ReadModel.load(db, Duration.ofSeconds(5));
    db.status("S1", 1, "Available", 20);
    SpotIndex next = model.refresh(db);
    assertEquals(ConnectorStatus.Available, next.get("A").orElseThrow().connectors().get(0).status());
    assertEquals(T0.plusSeconds(20 - 5), model.since().statuses());
    assertSame(next, model.refresh(db), "re-reading the overlap changes nothing");
  }

  @Test
  void aQuietTableIsNotReReadOnceTheOverlapHasPassedOnTheDatabaseClock() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    db.station("S1", "A", true, 1);
    db.connector("S1", 1, "CCS2", 150, 10);
    db.status("S1", 1, "Charging", 10);
    db.clock = T0.plusSeconds(12); // read 2 s after the last write: inside the overlap
    ReadModel model = ReadModel.load(db, Duration.ofSeconds(5));
    assertEquals(T0.plusSeconds(12 - 5), model.since().connectors(), "a row stamped after 7 s may still commit");

    db.clock = T0.plusSeconds(13);
    model.refresh(db);
    assertEquals(T0.plusSeconds(13 - 5), model.since().connectors(), "by 13 s everything stamped up to 8 s is in");

    db.clock = T0.plusSeconds(60);
    model.refresh(db);
    assertEquals(T0.plusSeconds(10), model.since().connectors(), "never past the newest row seen");
    assertEquals(T0.plusSeconds(1), model.since().spots());
    int polls = db.asked.size();
    db.status("S1", 1, "Available", 61); // a write after the last poll's clock
    assertEquals(ConnectorStatus.Available, model.refresh(db).get("A").orElseThrow().connectors().get(0).status());
    assertEquals(polls + 1, db.asked.size());
  }

  @Test
  void withoutTheDatabaseClockEveryPollReReadsTheOverlap() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    db.station("S1", "A", true, 1);
    db.connector("S1", 1, "CCS2", 150, 10);
    ReadModel model = ReadModel.load(db, Duration.ofSeconds(5));
    model.refresh(db);
    assertEquals(T0.plusSeconds(10 - 5), model.since().connectors());
  }

  @Test
  void seesASecondChangeWithinTheSameMillisecond() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    db.station("S1", "A", true, 1);
    db.connector("S1", 1, "CCS2", 150, 1);
    db.status("S1", 1, "Charging", 2);
    ReadModel model = ReadModel.load(db, Duration.ofSeconds(5));
    db.status("S1", 1, "Available", 2); // same marker, different row
    assertEquals(ConnectorStatus.Available, model.refresh(db).get("A").orElseThrow().connectors().get(0).status());
  }

  @Test
  void movesAStationToAnotherSpotAndDropsDeletedConnectorsWhenItsConnectorsVersionMoves() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    db.spot("B", 36.0, 139.0, 1);
    db.station("S1", "A", true, 1);
    db.connector("S1", 1, "CCS2", 150, 1);
    db.connector("S1", 2, "Type2", 22, 1);
    ReadModel model = ReadModel.load(db, Duration.ofSeconds(5));
    db.connectors.remove("S1|2");
    db.station("S1", "B", true, 30);
    db.connectorsReplaced("S1", 30);
    SpotIndex next = model.refresh(db);
    assertTrue(next.get("A").orElseThrow().connectors().isEmpty());
    assertEquals(List.of(1), next.get("B").orElseThrow().connectors().stream().map(c -> c.connectorId()).toList());
  }

  @Test
  void aPresenceChangeRebuildsTheSpotWithoutReReadingItsConnectors() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    db.station("S1", "A", true, 1);
    db.station("S2", "A", true, 1);
    db.connector("S1", 1, "CCS2", 150, 1);
    db.connector("S2", 1, "Type2", 22, 1);
    ReadModel model = ReadModel.load(db, Duration.ofSeconds(5));
    IndexedSpot before = model.index().get("A").orElseThrow();

    db.station("S1", "A", false, NOW.plusSeconds(20), 20); // a dead instance buried: S1 is offline
    db.station("S2", "A", true, NOW.plusSeconds(20), 20); // S2 reconnected elsewhere
    IndexedSpot after = model.refresh(db).get("A").orElseThrow();

    assertEquals(List.of(), db.connectorReads, "presence alone must not re-read connectors");
    assertEquals(false, after.stations().get(0).connected());
    assertEquals(before.connectors(), after.connectors());

    db.connectors.remove("S2|1");
    db.connectorsReplaced("S2", 40);
    assertEquals(1, model.refresh(db).get("A").orElseThrow().connectors().size());
    assertEquals(List.of("S2"), db.connectorReads);
  }

  @Test
  void takesUpStatusesThatArrivedBeforeTheirStation() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    ReadModel model = ReadModel.load(db, Duration.ofSeconds(5));
    db.status("S9", 1, "Available", 10);
    model.refresh(db);
    db.station("S9", "A", false, 11);
    db.connector("S9", 1, "NACS", 250, 11);
    IndexedSpot a = model.refresh(db).get("A").orElseThrow();
    assertEquals(ConnectorStatus.Available, a.connectors().get(0).status());
  }

  /** Issue 4: a presence write of a connected station shows nothing new, so cached answers stay. */
  @Test
  void keepsTheSpotObjectWhenItsRebuiltValueShowsNothingNew() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    db.station("S1", "A", true, 1);
    db.connector("S1", 1, "CCS2", 150, 1);
    db.status("S1", 1, "Charging", 1);
    ReadModel model = ReadModel.load(db, Duration.ofSeconds(5));
    SpotIndex before = model.index();
    IndexedSpot a = before.get("A").orElseThrow();
    db.station("S1", "A", true, NOW.plusSeconds(30), 20); // touched: last_seen and changed_at move
    assertSame(before, model.refresh(db), "nothing the search shows changed");
    assertSame(a, model.index().get("A").orElseThrow());

    db.station("S1", "A", false, NOW.plusSeconds(40), 30); // disconnected: now its last contact counts
    IndexedSpot after = model.refresh(db).get("A").orElseThrow();
    assertNotSame(a, after);
    assertEquals(NOW.plusSeconds(40), after.stations().get(0).lastSeen());
  }

  @Test
  void aFullReloadContinuesFromThePublishedSnapshotWhereNothingChanged() throws Exception {
    db.spot("A", 35.0, 139.0, 1);
    db.spot("B", 35.5, 139.5, 1);
    db.station("S1", "A", true, 1);
    db.connector("S1", 1, "CCS2", 150, 1);
    db.status("S1", 1, "Charging", 1);
    SpotIndex published = ReadModel.load(db, Duration.ofSeconds(5)).index();
    SpotQuery nearB = new SpotQuery(new Circle(new GeoPoint(35.5, 139.5), 1), null, false, 10);
    SearchDependencies cachedB = published.search(nearB, NOW).dependencies();

    ReadModel same = ReadModel.load(db, Duration.ofSeconds(5));
    same.continueFrom(published);
    assertSame(published, same.index(), "a reload that finds nothing new publishes nothing new");

    db.status("S1", 1, "Available", 50);
    ReadModel fresh = ReadModel.load(db, Duration.ofSeconds(5));
    fresh.continueFrom(published);
    assertSame(published.get("B").orElseThrow(), fresh.index().get("B").orElseThrow());
    assertEquals(ConnectorStatus.Available, fresh.index().get("A").orElseThrow().connectors().get(0).status());
    assertTrue(fresh.index().stillAnswers(cachedB, NOW), "the answer around B survives the reload");
    assertEquals(ConnectorStatus.Available, fresh.refresh(db).get("A").orElseThrow().connectors().get(0).status());
  }

  /** The four published tables in memory, with the same "changed after" semantics as SQL. */
  static final class FakeTables implements ChangeFeed {
    final Map<String, SpotRow> spots = new LinkedHashMap<>();
    final Map<String, StationRow> stations = new LinkedHashMap<>();
    final Map<String, ConnectorRow> connectors = new LinkedHashMap<>();
    final Map<String, StatusRow> statuses = new LinkedHashMap<>();
    final List<String> connectorReads = new ArrayList<>();
    final List<Marks> asked = new ArrayList<>();
    /** The database's clock as a poll reads it; null: the feed does not tell (the overlap alone). */
    LocalDateTime clock;

    void spot(String id, double lat, double lng, int t) {
      spots.put(id, new SpotRow(id, id, lat, lng, null, null, NOW, T0.plusSeconds(t)));
    }

    void station(String id, String spotId, boolean connected, int t) {
      station(id, spotId, connected, NOW, t);
    }

    void station(String id, String spotId, boolean connected, Instant lastSeen, int t) {
      StationRow before = stations.get(id);
      int version = before == null ? 0 : before.connectorsVersion();
      stations.put(id, new StationRow(id, spotId, connected, lastSeen, version, T0.plusSeconds(t)));
    }

    /** What charger-mgmt does after replacing a station's connectors (V5 migration). */
    void connectorsReplaced(String id, int t) {
      StationRow s = stations.get(id);
      stations.put(id, new StationRow(id, s.spotId(), s.connected(), s.lastSeen(), s.connectorsVersion() + 1, T0.plusSeconds(t)));
    }

    void connector(String station, int id, String type, double kw, int t) {
      connectors.put(station + "|" + id, new ConnectorRow(station, id, type, kw, T0.plusSeconds(t)));
    }

    void status(String station, int id, String status, int t) {
      statuses.put(station + "|" + id, new StatusRow(station, id, status, "NoError", NOW, NOW, T0.plusSeconds(t)));
    }

    @Override
    public Changes changesSince(Marks since) {
      asked.add(since);
      return new Changes(
          after(spots.values(), since.spots(), SpotRow::changedAt),
          after(stations.values(), since.stations(), StationRow::changedAt),
          after(connectors.values(), since.connectors(), ConnectorRow::changedAt),
          after(statuses.values(), since.statuses(), StatusRow::changedAt),
          clock);
    }

    @Override
    public List<ConnectorRow> connectorsOf(Collection<String> stationIds) {
      connectorReads.addAll(stationIds);
      return connectors.values().stream().filter(c -> stationIds.contains(c.stationId())).toList();
    }

    private static <T> List<T> after(Collection<T> rows, LocalDateTime since, Function<T, LocalDateTime> at) {
      List<T> out = new ArrayList<>();
      for (T row : rows) {
        if (since == null || at.apply(row).isAfter(since)) {
          out.add(row);
        }
      }
      return out;
    }
  }
}
