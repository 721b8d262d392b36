package io.voltgate.spotsearch.search;

import java.time.Instant;

/**
 * What one {@link SpotIndex} result was computed from, so that a cache can tell whether a later
 * snapshot would give the very same answer ({@link SpotIndex#stillAnswers}). Opaque outside
 * this package.
 *
 * @param layout the snapshot's layout: which spots exist and where
 * @param positions where in the snapshot each counted spot sits, in the order they were counted
 * @param spots the spot values counted (compared by identity: a changed spot is a new object)
 * @param qualified for each counted spot, whether it passed the query's filters
 * @param computedAt the {@code now} the result was computed for
 * @param liveUntil the last instant at which every counted station that was live only by its
 *     recent contact still is ({@link Instant#MAX} when there is none)
 */
public record SearchDependencies(
    long layout, int[] positions, IndexedSpot[] spots, boolean[] qualified, Instant computedAt, Instant liveUntil) {}
