package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.GeoPoint;

/**
 * The map viewport {@code minLng,minLat,maxLng,maxLat} in degrees, edges inclusive. At most
 * {@value #MAX_SPAN_DEGREES}° wide and tall, and never inverted: a viewport across the
 * antimeridian is not supported (CONTRACT §2).
 */
public record BoundingBox(double minLng, double minLat, double maxLng, double maxLat) implements SearchArea {

  public static final double MAX_SPAN_DEGREES = 5.0;

  public BoundingBox {
    requireRange("minLng", minLng, -180, 180);
    requireRange("maxLng", maxLng, -180, 180);
    requireRange("minLat", minLat, -90, 90);
    requireRange("maxLat", maxLat, -90, 90);
    if (minLng > maxLng || minLat > maxLat) {
      throw new IllegalArgumentException(
          "bbox is inverted: it must be minLng,minLat,maxLng,maxLat with min <= max (no antimeridian crossing)");
    }
    if (maxLng - minLng > MAX_SPAN_DEGREES || maxLat - minLat > MAX_SPAN_DEGREES) {
      throw new IllegalArgumentException("bbox must be at most " + MAX_SPAN_DEGREES + " degrees wide and tall");
    }
  }

  static void requireRange(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(name + " must be a number within [" + (int) min + ", " + (int) max + "]");
    }
  }

  @Override
  public boolean contains(GeoPoint p) {
    return p.lat() >= minLat && p.lat() <= maxLat && p.lng() >= minLng && p.lng() <= maxLng;
  }

  @Override
  public GeoPoint center() {
    return new GeoPoint((minLat + maxLat) / 2, (minLng + maxLng) / 2);
  }

  @Override
  public double[][] longitudeRanges() {
    return new double[][] {{minLng, maxLng}};
  }
}
