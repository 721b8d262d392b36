package io.voltgate.spotsearch.search;

import java.util.Objects;

/**
 * One search of the app's map (CONTRACT §2): where, which connectors count, whether a spot
 * needs one of them available, and how many spots to return at most.
 */
public record SpotQuery(SearchArea area, ConnectorFilter filter, boolean availableOnly, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 500;

  public SpotQuery {
    Objects.requireNonNull(area, "area");
    filter = filter == null ? ConnectorFilter.NONE : filter;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be an integer within [1, " + MAX_LIMIT + "]");
    }
  }

  /** Whether results carry their distance: only searches around a point do. */
  public boolean isRadius() {
    return area instanceof Circle;
  }
}
