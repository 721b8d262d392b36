package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.GeoPoint;

/**
 * Where to search: the map's viewport ({@link BoundingBox}) or a circle around a point
 * ({@link Circle}). Both validate the limits of CONTRACT §2 on construction, so a query that
 * exists is one the index may run.
 */
public sealed interface SearchArea permits BoundingBox, Circle {

  /** Whether the point lies in the area (edges inclusive). */
  boolean contains(GeoPoint p);

  /** The point results are ordered by their distance from. */
  GeoPoint center();

  /**
   * Longitude ranges, each {@code [from, to]} with {@code from <= to}, that together cover the
   * area; a circle across the antimeridian needs two.
   */
  double[][] longitudeRanges();

  double minLat();

  double maxLat();
}
