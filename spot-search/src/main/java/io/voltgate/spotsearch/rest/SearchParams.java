package io.voltgate.spotsearch.rest;

import io.voltgate.sharedkernel.ConnectorType;
import io.voltgate.sharedkernel.GeoPoint;
import io.voltgate.spotsearch.search.BoundingBox;
import io.voltgate.spotsearch.search.Circle;
import io.voltgate.spotsearch.search.ConnectorFilter;
import io.voltgate.spotsearch.search.SearchArea;
import io.voltgate.spotsearch.search.SpotQuery;
import jakarta.ws.rs.BadRequestException;
import java.util.EnumSet;
import java.util.regex.Pattern;

/**
 * Turns the query string of {@code GET /spots} into a {@link SpotQuery}. Parameters arrive as
 * strings, because JAX-RS answers 404 when it cannot convert a typed query parameter and the
 * contract wants 400 (CONTRACT §2). Every problem becomes a {@link BadRequestException} with a
 * detail that names the parameter.
 */
final class SearchParams {

  // Plain decimal numbers only: Double.parseDouble would also take "NaN", "Infinity", "1d", "0x1p3".
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");

  private SearchParams() {}

  static SpotQuery parse(
      String bbox, String lat, String lng, String radiusKm, String connectorType, String minPowerKw, String available, String limit) {
    try {
      return new SpotQuery(
          area(bbox, lat, lng, radiusKm),
          new ConnectorFilter(types(connectorType), minPowerKw == null ? null : number("minPowerKw", minPowerKw)),
          flag("available", available),
          limit == null ? SpotQuery.DEFAULT_LIMIT : integer("limit", limit));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private static SearchArea area(String bbox, String lat, String lng, String radiusKm) {
    boolean point = lat != null || lng != null || radiusKm != null;
    if (bbox != null && point) {
      throw new IllegalArgumentException("Give either bbox or lat, lng and radiusKm, not both");
    }
    if (bbox != null) {
      String[] parts = bbox.split(",", -1);
      if (parts.length != 4) {
        throw new IllegalArgumentException("bbox must be four numbers: minLng,minLat,maxLng,maxLat");
      }
      return new BoundingBox(
          number("bbox minLng", parts[0]), number("bbox minLat", parts[1]), number("bbox maxLng", parts[2]), number("bbox maxLat", parts[3]));
    }
    if (!point) {
      throw new IllegalArgumentException("Coordinates required: bbox=minLng,minLat,maxLng,maxLat or lat, lng and radiusKm");
    }
    if (lat == null || lng == null || radiusKm == null) {
      throw new IllegalArgumentException("lat, lng and radiusKm are required together");
    }
    double la = number("lat", lat);
    double lo = number("lng", lng);
    if (!(la >= -90 && la <= 90)) {
      throw new IllegalArgumentException("lat must be a number within [-90, 90]");
    }
    if (!(lo >= -180 && lo <= 180)) {
      throw new IllegalArgumentException("lng must be a number within [-180, 180]");
    }
    return new Circle(new GeoPoint(la, lo), number("radiusKm", radiusKm));
  }

  private static EnumSet<ConnectorType> types(String list) {
    EnumSet<ConnectorType> types = EnumSet.noneOf(ConnectorType.class);
    if (list == null) {
      return types;
    }
    for (String label : list.split(",", -1)) {
      String l = label.trim();
      types.add(
          ConnectorType.fromLabel(l)
              .or(() -> EnumSet.allOf(ConnectorType.class).stream().filter(t -> t.label().equalsIgnoreCase(l)).findFirst())
              .orElseThrow(() -> new IllegalArgumentException(
                  "Unknown connectorType '" + l + "'; known: CHAdeMO, CCS1, CCS2, Type1, Type2, GB/T, NACS")));
    }
    return types;
  }

  private static boolean flag(String name, String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException(name + " must be true or false");
  }

  private static double number(String name, String value) {
    String v = value.trim();
    if (!NUMBER.matcher(v).matches()) {
      throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
    }
    return Double.parseDouble(v);
  }

  private static int integer(String name, String value) {
    String v = value.trim();
    if (!INTEGER.matcher(v).matches()) {
      throw new IllegalArgumentException(name + " must be an integer within [1, " + SpotQuery.MAX_LIMIT + "]");
    }
    return Integer.parseInt(v);
  }
}
