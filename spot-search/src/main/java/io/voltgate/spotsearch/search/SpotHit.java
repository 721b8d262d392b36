package io.voltgate.spotsearch.search;

/**
 * One spot in a search result. {@code distanceKm} is the great-circle distance from the
 * query's center: the search point for radius searches, the viewport's center for bounding
 * boxes (used for the order there, not shown).
 */
public record SpotHit(IndexedSpot spot, double distanceKm, ConnectorCounts connectors) {}
