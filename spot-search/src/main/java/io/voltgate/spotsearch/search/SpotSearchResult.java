package io.voltgate.spotsearch.search;

import java.util.List;

/** The spots of one search, in order; {@code truncated} when more matched than the limit. */
public record SpotSearchResult(List<SpotHit> spots, boolean truncated) {}
