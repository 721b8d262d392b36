package io.voltgate.sharedkernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GeoPointTest {

  @Test
  void tokyoToOsakaIsAbout400Km() {
    GeoPoint tokyo = new GeoPoint(35.6812, 139.7671);
    GeoPoint osaka = new GeoPoint(34.7025, 135.4959);
    assertEquals(403.0, tokyo.distanceKm(osaka), 3.0);
    assertEquals(0.0, tokyo.distanceKm(tokyo), 1e-9);
  }

  @Test
  void refusesOutOfRangeAndNaN() {
    assertThrows(IllegalArgumentException.class, () -> new GeoPoint(91, 0));
    assertThrows(IllegalArgumentException.class, () -> new GeoPoint(0, 181));
    assertThrows(IllegalArgumentException.class, () -> new GeoPoint(Double.NaN, 0));
  }
}
