package io.voltgate.spotsearch.search;

import java.util.List;

/**
 * The spots of one search, in order; {@code truncated} when more matched than the limit.
 * {@code dependencies} says what the result was computed from when the search can tell (the
 * index), null when it cannot (such a result is never reused).
 */
public record SpotSearchResult(List<SpotHit> spots, boolean truncated, SearchDependencies dependencies) {

  public SpotSearchResult(List<SpotHit> spots, boolean truncated) {
    this(spots, truncated, null);
  }
}
