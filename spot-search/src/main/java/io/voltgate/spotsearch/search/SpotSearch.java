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

  /**
   * Whether a result with these dependencies is still exactly what {@link #search} would answer
   * at {@code now}. Implementations that cannot tell say no, so their results are never reused.
   */
  default boolean stillAnswers(SearchDependencies dependencies, Instant now) {
    return false;
  }

  /**
   * The answer at {@code now} derived from an earlier one of this search when that is exact and
   * cheaper than searching again; null when it cannot be (the caller then searches).
   */
  default SpotSearchResult revise(SpotSearchResult earlier, SpotQuery query, Instant now) {
    return null;
  }
}
