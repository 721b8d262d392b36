package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.GeoPoint;

/**
 * Everything within {@code radiusKm} (great-circle, inclusive) of {@code center}; at most
 * {@value #MAX_RADIUS_KM} km (CONTRACT §2). Unlike a bounding box it may cross the
 * antimeridian or contain a pole: its covering longitude ranges say so.
 */
public record Circle(GeoPoint center, double radiusKm) implements SearchArea {

  public static final double MAX_RADIUS_KM = 100.0;
  private static final double EARTH_RADIUS_KM = 6371.0088;
  // Keeps points a rounding error outside the covering box in; the exact test is the distance.
  private static final double SLACK_DEGREES = 1e-9;

  public Circle {
    if (center == null) {
      throw new IllegalArgumentException("lat and lng are required with radiusKm");
    }
    if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
      throw new IllegalArgumentException("radiusKm must be a number greater than 0 and at most " + (int) MAX_RADIUS_KM);
    }
  }

  @Override
  public boolean contains(GeoPoint p) {
    return center.distanceKm(p) <= radiusKm;
  }

  private double angularDegrees() {
    return Math.toDegrees(radiusKm / EARTH_RADIUS_KM) + SLACK_DEGREES;
  }

  private boolean reachesPole() {
    return center.lat() + angularDegrees() >= 90 || center.lat() - angularDegrees() <= -90;
  }

  @Override
  public double minLat() {
    return Math.max(-90, center.lat() - angularDegrees());
  }

  @Override
  public double maxLat() {
    return Math.min(90, center.lat() + angularDegrees());
  }

  @Override
  public double[][] longitudeRanges() {
    if (reachesPole()) {
      return new double[][] {{-180, 180}};
    }
    // The widest longitude offset of a small circle (not containing a pole) around lat.
    double ratio = Math.sin(radiusKm / EARTH_RADIUS_KM) / Math.cos(Math.toRadians(center.lat()));
    if (ratio >= 1) {
      return new double[][] {{-180, 180}};
    }
    double dLng = Math.toDegrees(Math.asin(ratio)) + SLACK_DEGREES;
    double from = center.lng() - dLng;
    double to = center.lng() + dLng;
    if (from < -180) {
      return new double[][] {{-180, to}, {from + 360, 180}};
    }
    if (to > 180) {
      return new double[][] {{from, 180}, {-180, to - 360}};
    }
    return new double[][] {{from, to}};
  }
}
