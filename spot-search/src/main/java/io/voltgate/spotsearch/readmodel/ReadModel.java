package io.voltgate.spotsearch.readmodel;

import io.voltgate.sharedkernel.ConnectorStatus;
import io.voltgate.sharedkernel.ConnectorType;
import io.voltgate.sharedkernel.GeoPoint;
import io.voltgate.spotsearch.readmodel.ChangeFeed.Changes;
import io.voltgate.spotsearch.readmodel.ChangeFeed.Marks;
import io.voltgate.spotsearch.readmodel.Rows.ConnectorRow;
import io.voltgate.spotsearch.readmodel.Rows.SpotRow;
import io.voltgate.spotsearch.readmodel.Rows.StationRow;
import io.voltgate.spotsearch.readmodel.Rows.StatusRow;
import io.voltgate.spotsearch.search.IndexedConnector;
import io.voltgate.spotsearch.search.IndexedSpot;
import io.voltgate.spotsearch.search.SpotIndex;
import io.voltgate.spotsearch.search.StationPresence;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * This instance's copy of the published rows, and the bookkeeping that turns "rows changed
 * since the marker" into "these spots must be rebuilt". Confined to the refresher's single
 * thread; only the {@link SpotIndex} it produces is shared.
 *
 * <p>The next poll asks for rows changed after (newest marker seen − {@code overlap}): a
 * transaction stamps its rows when it writes them but they become visible when it commits, so
 * a row can appear later with a stamp older than one already seen. The overlap must exceed the
 * longest write transaction; rows re-read inside it are recognised as unchanged and cost
 * nothing but the read.
 *
 * <p>That read is not free when a table goes quiet: after a bulk registration every poll, four
 * times a second on every instance, re-read the last {@code overlap} of connector rows until
 * something newer came. So each poll also notes the database's clock before it read: every row
 * stamped more than {@code overlap} before that was committed, hence read, by then. The next
 * poll starts from that point when it is later than (newest − overlap), and never after the
 * newest marker itself; a quiet table costs an empty range scan.
 */
final class ReadModel {

  private final Duration overlap;
  private final Map<String, SpotRow> spots = new HashMap<>();
  private final Map<String, StationRow> stations = new HashMap<>();
  private final Map<String, Set<String>> stationsBySpot = new HashMap<>();
  private final Map<String, List<ConnectorRow>> connectors = new HashMap<>();
  private final Map<String, Map<Integer, StatusRow>> statuses = new HashMap<>();
  private Marks newest = Marks.ALL;
  /** Every row stamped at or before this has been read (null: not known). */
  private LocalDateTime settled;
  private SpotIndex index = SpotIndex.empty();

  ReadModel(Duration overlap) {
    this.overlap = overlap;
  }

  /** Reads everything afresh and builds a new index (start-up, and the slow safety net). */
  static ReadModel load(ChangeFeed feed, Duration overlap) throws SQLException {
    ReadModel model = new ReadModel(overlap);
    model.refresh(feed);
    return model;
  }

  SpotIndex index() {
    return index;
  }

  /** Applies what changed since the last call; returns the new index (the same if nothing did). */
  SpotIndex refresh(ChangeFeed feed) throws SQLException {
    Marks since = since();
    Changes changes = feed.changesSince(since);
    Set<String> dirtySpots = new HashSet<>();
    Set<String> reloadConnectors = new TreeSet<>();

    for (SpotRow row : changes.spots()) {
      if (!row.equals(spots.put(row.spotId(), row))) {
        dirtySpots.add(row.spotId());
      }
    }
    for (StationRow row : changes.stations()) {
      StationRow old = stations.put(row.stationId(), row);
      if (!row.equals(old)) {
        // Replaced connectors may include deletes, which leave no marker: reload them. A
        // presence change (connect, disconnect, takeover, an instance buried) does not.
        if (old == null || old.connectorsVersion() != row.connectorsVersion()) {
          reloadConnectors.add(row.stationId());
        }
        if (old != null && !Objects.equals(old.spotId(), row.spotId())) {
          detach(old);
          dirtySpots.add(old.spotId());
        }
        if (row.spotId() != null) {
          stationsBySpot.computeIfAbsent(row.spotId(), k -> new TreeSet<>()).add(row.stationId());
          dirtySpots.add(row.spotId());
        }
      }
    }
    for (ConnectorRow row : changes.connectors()) {
      if (!connectors.getOrDefault(row.stationId(), List.of()).contains(row)) {
        reloadConnectors.add(row.stationId());
      }
    }
    if (!reloadConnectors.isEmpty()) {
      // A full read already holds every connector; otherwise read the stations' connectors.
      List<ConnectorRow> fresh = since.connectors() == null ? changes.connectors() : feed.connectorsOf(reloadConnectors);
      Map<String, List<ConnectorRow>> reloaded = new HashMap<>();
      for (ConnectorRow row : fresh) {
        reloaded.computeIfAbsent(row.stationId(), k -> new ArrayList<>()).add(row);
      }
      for (String stationId : reloadConnectors) {
        List<ConnectorRow> now = reloaded.getOrDefault(stationId, new ArrayList<>());
        now.sort(Comparator.comparingInt(ConnectorRow::connectorId));
        List<ConnectorRow> before = now.isEmpty() ? connectors.remove(stationId) : connectors.put(stationId, now);
        if (!now.equals(before == null ? List.of() : before)) {
          dirtySpots.add(spotOf(stationId));
        }
      }
    }
    for (StatusRow row : changes.statuses()) {
      if (!row.equals(statuses.computeIfAbsent(row.stationId(), k -> new HashMap<>()).put(row.connectorId(), row))) {
        dirtySpots.add(spotOf(row.stationId()));
      }
    }
    advance(changes);

    dirtySpots.remove(null);
    if (!dirtySpots.isEmpty() || index.size() == 0) {
      List<IndexedSpot> rebuilt = new ArrayList<>();
      Set<String> removed = new HashSet<>();
      for (String spotId : dirtySpots) {
        IndexedSpot s = build(spotId);
        if (s == null) {
          removed.add(spotId);
        } else if (!s.equals(index.get(spotId).orElse(null))) {
          // An equal value keeps its old object: answers cached on it stay valid (issue 4).
          rebuilt.add(s);
        }
      }
      if (index.size() == 0) {
        index = SpotIndex.of(rebuilt);
      } else if (!rebuilt.isEmpty() || !removed.isEmpty()) {
        index = index.with(rebuilt, removed);
      }
    }
    return index;
  }

  /**
   * After a full load: continue from the snapshot already published, changed only where this
   * load found something different, so the spots that did not change keep their objects and
   * the cached answers that counted them survive the safety-net reload.
   */
  void continueFrom(SpotIndex published) {
    index = published.updatedTo(index);
  }

  private void detach(StationRow old) {
    if (old.spotId() == null) {
      return;
    }
    Set<String> members = stationsBySpot.get(old.spotId());
    if (members != null) {
      members.remove(old.stationId());
      if (members.isEmpty()) {
        stationsBySpot.remove(old.spotId());
      }
    }
  }

  private String spotOf(String stationId) {
    StationRow s = stations.get(stationId);
    return s == null ? null : s.spotId();
  }

  /** The spot as the index holds it, or null when the spot does not exist (anymore). */
  IndexedSpot build(String spotId) {
    SpotRow spot = spots.get(spotId);
    if (spot == null) {
      return null;
    }
    List<StationRow> members = new ArrayList<>();
    for (String stationId : stationsBySpot.getOrDefault(spotId, Set.of())) {
      members.add(stations.get(stationId));
    }
    List<ConnectorRow> cs = new ArrayList<>();
    List<StatusRow> ss = new ArrayList<>();
    for (StationRow s : members) {
      cs.addAll(connectors.getOrDefault(s.stationId(), List.of()));
      ss.addAll(statuses.getOrDefault(s.stationId(), Map.of()).values());
    }
    return assemble(spot, members, cs, ss);
  }

  /**
   * One spot from its rows: stations by id, connectors by station and connector id, each with
   * its latest status. Connectors of an unknown type are left out (registration validates
   * types, so only hand-edited rows can have one).
   */
  static IndexedSpot assemble(SpotRow spot, List<StationRow> stationRows, List<ConnectorRow> connectorRows, List<StatusRow> statusRows) {
    TreeMap<String, StationRow> byId = new TreeMap<>();
    stationRows.forEach(s -> byId.put(s.stationId(), s));
    Map<String, Integer> position = new HashMap<>();
    List<StationPresence> presence = new ArrayList<>();
    for (StationRow s : byId.values()) {
      position.put(s.stationId(), presence.size());
      // A connected station is live whatever its last contact, so that is left out: a presence
      // write alone then changes nothing the search shows, and the spot keeps its object.
      presence.add(new StationPresence(s.stationId(), s.connected(), s.connected() ? null : s.lastSeen()));
    }
    Map<String, StatusRow> statusByKey = new HashMap<>();
    statusRows.forEach(r -> statusByKey.put(r.stationId() + '\u0000' + r.connectorId(), r));
    Instant updatedAt = spot.updatedAt();
    List<IndexedConnector> indexed = new ArrayList<>();
    List<ConnectorRow> ordered = new ArrayList<>(connectorRows);
    ordered.sort(Comparator.comparing(ConnectorRow::stationId).thenComparingInt(ConnectorRow::connectorId));
    for (ConnectorRow c : ordered) {
      Integer station = position.get(c.stationId());
      ConnectorType type = ConnectorType.fromLabel(c.type()).orElse(null);
      if (station == null || type == null) {
        continue;
      }
      StatusRow status = statusByKey.get(c.stationId() + '\u0000' + c.connectorId());
      if (status != null && status.receivedAt() != null && (updatedAt == null || status.receivedAt().isAfter(updatedAt))) {
        updatedAt = status.receivedAt();
      }
      indexed.add(new IndexedConnector(
          station, c.connectorId(), type, c.maxPowerKw(),
          status == null ? null : ConnectorStatus.parse(status.status()).orElse(null)));
    }
    return new IndexedSpot(spot.spotId(), spot.name(), new GeoPoint(spot.lat(), spot.lng()), updatedAt, presence, indexed);
  }

  private void advance(Changes c) {
    settled = c.readAt() == null ? null : c.readAt().minus(overlap);
    newest = new Marks(
        newest(newest.spots(), c.spots(), SpotRow::changedAt),
        newest(newest.stations(), c.stations(), StationRow::changedAt),
        newest(newest.connectors(), c.connectors(), ConnectorRow::changedAt),
        newest(newest.statuses(), c.statuses(), StatusRow::changedAt));
  }

  private static <T> LocalDateTime newest(LocalDateTime mark, List<T> rows, Function<T, LocalDateTime> changedAt) {
    LocalDateTime max = mark;
    for (T row : rows) {
      LocalDateTime t = changedAt.apply(row);
      if (t != null && (max == null || t.isAfter(max))) {
        max = t;
      }
    }
    return max;
  }

  Marks since() {
    return new Marks(back(newest.spots()), back(newest.stations()), back(newest.connectors()), back(newest.statuses()));
  }

  private LocalDateTime back(LocalDateTime mark) {
    if (mark == null) {
      return null;
    }
    LocalDateTime since = mark.minus(overlap);
    if (settled != null && settled.isAfter(since)) {
      since = settled.isBefore(mark) ? settled : mark;
    }
    return since;
  }
}
