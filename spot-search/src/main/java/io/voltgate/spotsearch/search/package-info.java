/**
 * The spot rules (CONTRACT §2): search areas and their limits, connector filters, availability
 * (an Available latest status on a station that is connected or was heard from within two
 * minutes, judged at query time), counting, ordering and truncation; and spot registration.
 *
 * <p>Order: radius searches nearest first; bounding-box searches by distance from the
 * viewport's center, so a truncated page shows the middle of the map; ties by spot id. Both
 * are deterministic.
 *
 * <p>{@link io.voltgate.spotsearch.search.SpotSearch} is the seam for other strategies (the
 * naive one of the issue-4 benchmark). Nothing here imports {@code rest} or {@code readmodel}:
 * the read model feeds {@link io.voltgate.spotsearch.search.IndexedSpotSearch} from outside.
 */
package io.voltgate.spotsearch.search;
