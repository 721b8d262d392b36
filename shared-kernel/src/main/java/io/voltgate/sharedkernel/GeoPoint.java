package io.voltgate.sharedkernel;

/** A WGS84 position in degrees. */
public record GeoPoint(double lat, double lng) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
      throw new IllegalArgumentException("lat must be within [-90, 90] and lng within [-180, 180]");
    }
  }

  /** Great-circle distance (haversine, mean Earth radius) in kilometres. */
  public double distanceKm(GeoPoint other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLng = Math.toRadians(other.lng - lng);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLng / 2)
                * Math.sin(dLng / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
