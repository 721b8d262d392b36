package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An immutable snapshot of every spot, bucketed in a grid of {@value #CELL_DEGREES}° cells
 * whose keys are kept sorted: a search binary-searches each grid row the area touches and
 * looks only at the spots in those cells, so its cost follows the size of the area, not of
 * the data. ~12,000 spots with ~60,000 connectors take a few MB.
 *
 * <p>Why in memory rather than an indexed bounding-box query in MySQL: see the package
 * documentation (measured).
 *
 * <p>Updates build a new snapshot ({@link #with}); readers hold whichever snapshot they
 * started with, so no search ever locks or sees a half-applied change.
 *
 * <p>Every result says what it was computed from ({@link SearchDependencies}): the snapshot's
 * <em>layout</em> (which spots exist and where) and the spot values it counted. A spot whose
 * rows change is replaced by a new {@link IndexedSpot} at the same position, so a later
 * snapshot with the same layout and the same objects at those positions gives the same
 * answer; {@link #stillAnswers} checks exactly that, for a response cache (issue 4).
 */
public final class SpotIndex {

  /** Grid cell size; a 5° viewport touches 51 rows, a city view one or two. */
  static final double CELL_DEGREES = 0.1;

  private static final AtomicLong LAYOUTS = new AtomicLong();

  private static final SpotIndex EMPTY = new SpotIndex(new long[0], new IndexedSpot[0], Map.of(), LAYOUTS.incrementAndGet());

  private final long[] keys;
  private final IndexedSpot[] spots;
  private final Map<String, Integer> positions;
  // Which spots exist and where (ids, positions, array order). Unique per JVM: a snapshot built
  // from scratch never shares one with an earlier snapshot, even if it holds the same spots.
  private final long layout;

  private SpotIndex(long[] keys, IndexedSpot[] spots, Map<String, Integer> positions, long layout) {
    this.keys = keys;
    this.spots = spots;
    this.positions = positions;
    this.layout = layout;
  }

  public static SpotIndex empty() {
    return EMPTY;
  }

  /** Builds the index over these spots (ids must be unique). */
  public static SpotIndex of(Collection<IndexedSpot> all) {
    IndexedSpot[] sorted = all.toArray(new IndexedSpot[0]);
    long[] cellOf = new long[sorted.length];
    Arrays.sort(sorted, Comparator.<IndexedSpot>comparingLong(SpotIndex::key).thenComparing(IndexedSpot::spotId));
    Map<String, Integer> positions = new HashMap<>(sorted.length * 2);
    for (int i = 0; i < sorted.length; i++) {
      cellOf[i] = key(sorted[i]);
      if (positions.put(sorted[i].spotId(), i) != null) {
        throw new IllegalArgumentException("duplicate spot " + sorted[i].spotId());
      }
    }
    return new SpotIndex(cellOf, sorted, positions, LAYOUTS.incrementAndGet());
  }

  /**
   * A new snapshot with {@code changed} spots added or replaced and {@code removed} ids gone.
   * When no spot moves to another cell, appears or disappears this copies one array; otherwise
   * it re-sorts. The layout stays the same only when no spot appears, disappears or moves
   * (even within its cell: that changes distances, hence the order of every search near it).
   */
  public SpotIndex with(Collection<IndexedSpot> changed, Set<String> removed) {
    boolean inPlace = removed.stream().noneMatch(positions::containsKey);
    boolean samePlaces = inPlace;
    if (inPlace) {
      for (IndexedSpot s : changed) {
        Integer at = positions.get(s.spotId());
        if (at == null || keys[at] != key(s)) {
          inPlace = false;
          samePlaces = false;
          break;
        }
        if (!spots[at].position().equals(s.position())) {
          samePlaces = false;
        }
      }
    }
    if (inPlace) {
      IndexedSpot[] copy = spots.clone();
      for (IndexedSpot s : changed) {
        copy[positions.get(s.spotId())] = s;
      }
      return new SpotIndex(keys, copy, positions, samePlaces ? layout : LAYOUTS.incrementAndGet());
    }
    Map<String, IndexedSpot> all = new HashMap<>(spots.length * 2);
    for (IndexedSpot s : spots) {
      all.put(s.spotId(), s);
    }
    removed.forEach(all::remove);
    for (IndexedSpot s : changed) {
      all.put(s.spotId(), s);
    }
    return of(all.values());
  }

  /**
   * This snapshot changed to hold exactly {@code fresh}'s spots: where a spot is equal in both,
   * this snapshot's object stays, and when no spot appears, disappears or moves the layout
   * stays too. Returns this snapshot itself when nothing differs.
   */
  public SpotIndex updatedTo(SpotIndex fresh) {
    List<IndexedSpot> changed = new ArrayList<>();
    for (IndexedSpot s : fresh.spots) {
      Integer at = positions.get(s.spotId());
      if (at == null || !spots[at].equals(s)) {
        changed.add(s);
      }
    }
    Set<String> removed = new HashSet<>();
    for (IndexedSpot s : spots) {
      if (!fresh.positions.containsKey(s.spotId())) {
        removed.add(s.spotId());
      }
    }
    return changed.isEmpty() && removed.isEmpty() ? this : with(changed, removed);
  }

  public Optional<IndexedSpot> get(String spotId) {
    Integer at = positions.get(spotId);
    return at == null ? Optional.empty() : Optional.of(spots[at]);
  }

  public int size() {
    return spots.length;
  }

  /** Up to {@code n} spots spread over the index (every size/n-th), e.g. for a warm-up to search around. */
  public List<IndexedSpot> sample(int n) {
    if (n <= 0 || spots.length == 0) {
      return List.of();
    }
    int step = Math.max(1, spots.length / n);
    List<IndexedSpot> out = new ArrayList<>(Math.min(n, spots.length));
    for (int i = 0; i < spots.length && out.size() < n; i += step) {
      out.add(spots[i]);
    }
    return out;
  }

  /**
   * Runs the query against this snapshot (see {@link SpotSearch#search}). Spots in the area are
   * first ordered by distance (cheap: a position and a distance each); their connectors are
   * counted only in that order and only until {@code limit + 1} spots qualify, so a region
   * viewport holding thousands of spots costs little more than a city one. Without a filter
   * every spot qualifies and only the first {@code limit} are counted.
   */
  public SpotSearchResult search(SpotQuery query, Instant now) {
    SearchArea area = query.area();
    GeoPoint center = area.center();
    Circle circle = area instanceof Circle c ? c : null;
    List<Candidate> candidates = new ArrayList<>();
    int fromRow = latCell(area.minLat());
    int toRow = latCell(area.maxLat());
    for (double[] range : area.longitudeRanges()) {
      int fromCol = lngCell(range[0]);
      int toCol = lngCell(range[1]);
      for (int row = fromRow; row <= toRow; row++) {
        long last = key(row, toCol);
        for (int i = lowerBound(key(row, fromCol)); i < keys.length && keys[i] <= last; i++) {
          IndexedSpot spot = spots[i];
          if (spot.position().lng() < range[0] || spot.position().lng() > range[1]) {
            continue;
          }
          double distanceKm;
          if (circle != null) {
            // A circle's test is this very distance (Circle.contains): computed once, not twice.
            distanceKm = center.distanceKm(spot.position());
            if (distanceKm > circle.radiusKm()) {
              continue;
            }
          } else if (area.contains(spot.position())) {
            distanceKm = center.distanceKm(spot.position());
          } else {
            continue; // a box's test is cheap: no distance for spots outside it
          }
          candidates.add(new Candidate(spot, distanceKm, i));
        }
      }
    }
    // Only a prefix of the order is ever needed (up to limit + 1 qualifying spots), and a
    // region viewport holds thousands of candidates: a heap built in linear time and polled in
    // order costs O(n + k log n) instead of sorting them all.
    PriorityQueue<Candidate> ordered = new PriorityQueue<>(candidates);
    boolean restrictive = query.availableOnly() || query.filter().isRestrictive();
    List<SpotHit> hits = new ArrayList<>(Math.min(candidates.size(), query.limit()));
    boolean truncated = false;
    // What the answer depends on besides the layout: every spot counted, in order (the scan
    // stops at a prefix of the candidates), and the first instant a counted station's
    // "heard from within 2 minutes" runs out by the clock alone.
    List<Candidate> counted = new ArrayList<>(Math.min(candidates.size(), query.limit() + 1));
    List<Boolean> qualified = new ArrayList<>(Math.min(candidates.size(), query.limit() + 1));
    Instant liveUntil = Instant.MAX;
    for (Candidate k = ordered.poll(); k != null; k = ordered.poll()) {
      ConnectorCounts counts = k.spot().count(query.filter(), now);
      counted.add(k);
      liveUntil = k.spot().liveUntil(now, liveUntil);
      boolean wanted = qualifies(query, counts);
      qualified.add(wanted);
      if (!wanted) {
        continue;
      }
      if (hits.size() == query.limit()) {
        truncated = true;
        break;
      }
      hits.add(new SpotHit(k.spot(), k.distanceKm(), counts));
      if (!restrictive && hits.size() == query.limit()) {
        // candidates.size() is a property of the layout
        truncated = candidates.size() > query.limit();
        break;
      }
    }
    int[] at = new int[counted.size()];
    IndexedSpot[] values = new IndexedSpot[counted.size()];
    boolean[] passed = new boolean[counted.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = counted.get(i).at();
      values[i] = counted.get(i).spot();
      passed[i] = qualified.get(i);
    }
    return new SpotSearchResult(List.copyOf(hits), truncated, new SearchDependencies(layout, at, values, passed, now, liveUntil));
  }

  private static boolean qualifies(SpotQuery query, ConnectorCounts counts) {
    return query.availableOnly() ? counts.available() > 0 : !query.filter().isRestrictive() || counts.total() > 0;
  }

  /**
   * This snapshot's answer to {@code query} at {@code now}, derived from an earlier answer of
   * the same layout when only the values of spots it counted changed (a StatusNotification)
   * and not one of them changed whether it qualifies: then the same spots qualify in the same
   * order (the same layout means the same candidates at the same distances), and only the
   * changed spots are counted again. Null when that does not hold (or the clock went back,
   * or a counted station's contact ran out); the caller then searches afresh.
   */
  public SpotSearchResult revise(SpotSearchResult old, SpotQuery query, Instant now) {
    SearchDependencies d = old.dependencies();
    if (d == null || d.layout() != layout || now.isBefore(d.computedAt()) || now.isAfter(d.liveUntil())) {
      return null;
    }
    int[] at = d.positions();
    IndexedSpot[] was = d.spots();
    boolean[] passed = d.qualified();
    List<SpotHit> oldHits = old.spots();
    IndexedSpot[] values = null;
    List<SpotHit> hits = null;
    Instant liveUntil = d.liveUntil();
    int hit = 0;
    for (int i = 0; i < at.length; i++) {
      // qualified but not shown only for the probe that found the answer truncated
      boolean shown = passed[i] && hit < oldHits.size() && oldHits.get(hit).spot() == was[i];
      IndexedSpot current = spots[at[i]];
      if (current != was[i]) {
        ConnectorCounts counts = current.count(query.filter(), now);
        if (qualifies(query, counts) != passed[i]) {
          return null;
        }
        if (values == null) {
          values = was.clone();
          hits = new ArrayList<>(oldHits);
        }
        values[i] = current;
        liveUntil = current.liveUntil(now, liveUntil);
        if (shown) {
          hits.set(hit, new SpotHit(current, oldHits.get(hit).distanceKm(), counts));
        }
      }
      if (shown) {
        hit++;
      }
    }
    if (values == null) {
      return old; // nothing changed after all
    }
    return new SpotSearchResult(List.copyOf(hits), old.truncated(), new SearchDependencies(layout, at, values, passed, now, liveUntil));
  }

  /**
   * Whether a result computed with {@code d} is still this snapshot's answer at {@code now}:
   * the same layout (so the same candidates in the same order), the very same spot values
   * where it counted (a changed spot is a new object), and no counted station's recent
   * contact expired since. Costs one comparison per counted spot.
   */
  public boolean stillAnswers(SearchDependencies d, Instant now) {
    if (d.layout() != layout || now.isBefore(d.computedAt()) || now.isAfter(d.liveUntil())) {
      return false;
    }
    int[] at = d.positions();
    IndexedSpot[] values = d.spots();
    for (int i = 0; i < at.length; i++) {
      if (spots[at[i]] != values[i]) {
        return false;
      }
    }
    return true;
  }

  /** A spot in the area; ordered nearest first, ties by spot id. */
  private record Candidate(IndexedSpot spot, double distanceKm, int at) implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate o) {
      int byDistance = Double.compare(distanceKm, o.distanceKm);
      return byDistance != 0 ? byDistance : spot.spotId().compareTo(o.spot.spotId());
    }
  }

  private int lowerBound(long key) {
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static long key(IndexedSpot s) {
    return key(latCell(s.position().lat()), lngCell(s.position().lng()));
  }

  private static long key(int row, int col) {
    return ((long) row << 16) | col;
  }

  // Monotonic in the coordinate, so every point within [min, max] lands in the cells of min..max.
  static int latCell(double lat) {
    return (int) Math.floor((lat + 90) / CELL_DEGREES);
  }

  static int lngCell(double lng) {
    return (int) Math.floor((lng + 180) / CELL_DEGREES);
  }
}
