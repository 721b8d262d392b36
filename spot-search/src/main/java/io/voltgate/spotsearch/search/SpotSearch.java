package io.voltgate.spotsearch.search;

import java.time.Instant;

/**
 * Runs a spot search. An interface because there are several ways to answer it: the
 * per-instance index ({@link IndexedSpotSearch}, the production one) and, for the benchmark
 * of issue 4, a naive design that derives statuses from the history. Every implementation
 * must give the same answer for the same data.
 */
public interface SpotSearch {

  /**
   * The spots in the query's area that pass its filters, nearest to the area's center first
   * (ties by spot id), at most {@code limit} of them. Availability is judged at {@code now}.
   */
  SpotSearchResult search(SpotQuery query, Instant now);
}
