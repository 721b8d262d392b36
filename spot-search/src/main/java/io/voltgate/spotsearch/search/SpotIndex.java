package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 */
public final class SpotIndex {

  /** Grid cell size; a 5° viewport touches 51 rows, a city view one or two. */
  static final double CELL_DEGREES = 0.1;

  private static final Comparator<Candidate> CANDIDATE_ORDER =
      Comparator.comparingDouble(Candidate::distanceKm).thenComparing(c -> c.spot().spotId());

  private static final SpotIndex EMPTY = new SpotIndex(new long[0], new IndexedSpot[0], Map.of());

  private final long[] keys;
  private final IndexedSpot[] spots;
  private final Map<String, Integer> positions;

  private SpotIndex(long[] keys, IndexedSpot[] spots, Map<String, Integer> positions) {
    this.keys = keys;
    this.spots = spots;
    this.positions = positions;
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
    return new SpotIndex(cellOf, sorted, positions);
  }

  /**
   * A new snapshot with {@code changed} spots added or replaced and {@code removed} ids gone.
   * When no spot moves to another cell, appears or disappears this copies one array; otherwise
   * it re-sorts.
   */
  public SpotIndex with(Collection<IndexedSpot> changed, Set<String> removed) {
    boolean inPlace = removed.stream().noneMatch(positions::containsKey);
    if (inPlace) {
      for (IndexedSpot s : changed) {
        Integer at = positions.get(s.spotId());
        if (at == null || keys[at] != key(s)) {
          inPlace = false;
          break;
        }
      }
    }
    if (inPlace) {
      IndexedSpot[] copy = spots.clone();
      for (IndexedSpot s : changed) {
        copy[positions.get(s.spotId())] = s;
      }
      return new SpotIndex(keys, copy, positions);
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

  public Optional<IndexedSpot> get(String spotId) {
    Integer at = positions.get(spotId);
    return at == null ? Optional.empty() : Optional.of(spots[at]);
  }

  public int size() {
    return spots.length;
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
          if (spot.position().lng() < range[0] || spot.position().lng() > range[1] || !area.contains(spot.position())) {
            continue;
          }
          candidates.add(new Candidate(spot, center.distanceKm(spot.position())));
        }
      }
    }
    candidates.sort(CANDIDATE_ORDER);
    boolean restrictive = query.availableOnly() || query.filter().isRestrictive();
    List<SpotHit> hits = new ArrayList<>(Math.min(candidates.size(), query.limit()));
    boolean truncated = false;
    for (Candidate k : candidates) {
      ConnectorCounts counts = k.spot().count(query.filter(), now);
      boolean wanted =
          query.availableOnly() ? counts.available() > 0 : !query.filter().isRestrictive() || counts.total() > 0;
      if (!wanted) {
        continue;
      }
      if (hits.size() == query.limit()) {
        truncated = true;
        break;
      }
      hits.add(new SpotHit(k.spot(), k.distanceKm(), counts));
      if (!restrictive && hits.size() == query.limit()) {
        truncated = candidates.size() > query.limit();
        break;
      }
    }
    return new SpotSearchResult(List.copyOf(hits), truncated);
  }

  private record Candidate(IndexedSpot spot, double distanceKm) {}

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
