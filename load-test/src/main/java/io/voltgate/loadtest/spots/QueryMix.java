package io.voltgate.loadtest.spots;

import io.voltgate.loadtest.spots.JapanDataset.City;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark's fixed query mix (issue 4), generated from a seed so every target and every
 * run gets the same searches: map viewports at city zoom (about 7–15 km across) and at region
 * zoom (1.5–2.5°, around the large cities), radius searches of 3–10 km, half of them with
 * filters (connector types, a minimum power, availability, or all three).
 */
public final class QueryMix {

  /** One search: its kind (for the per-kind figures) and its path with query string. */
  public record Query(String kind, String path) {}

  private static final String[] FILTERS = {
      "&connectorType=CHAdeMO,CCS2",
      "&minPowerKw=50",
      "&available=true",
      "&connectorType=CHAdeMO&minPowerKw=50&available=true",
      "&connectorType=Type2&available=true"};

  private QueryMix() {}

  public static List<Query> generate(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<City> cities = JapanDataset.CITIES;
    double total = cities.stream().mapToDouble(City::weight).sum();
    List<City> large = cities.stream().sorted(Comparator.comparingDouble(City::weight).reversed()).limit(6).toList();
    List<Query> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      City city = pick(random, cities, total);
      double r = random.nextDouble();
      String kind;
      String path;
      if (r < 0.35) {
        double sigma = city.sigmaKm() / 111.0;
        double lat = city.lat() + random.nextGaussian() * sigma;
        double lng = city.lng() + random.nextGaussian() * sigma;
        double w = 0.08 + random.nextDouble() * 0.08;
        double h = w * 0.75;
        kind = "city-bbox";
        path = "/api/v1/spots?bbox=" + f(lng - w / 2) + "," + f(lat - h / 2) + "," + f(lng + w / 2) + "," + f(lat + h / 2);
      } else if (r < 0.5) {
        City big = large.get(random.nextInt(large.size()));
        double w = 1.5 + random.nextDouble();
        double h = 1 + random.nextDouble();
        double lat = big.lat() + (random.nextDouble() - 0.5) * 0.5;
        double lng = big.lng() + (random.nextDouble() - 0.5) * 0.5;
        kind = "region-bbox";
        path = "/api/v1/spots?bbox=" + f(lng - w / 2) + "," + f(lat - h / 2) + "," + f(lng + w / 2) + "," + f(lat + h / 2);
      } else {
        double sigma = city.sigmaKm() / 111.0;
        kind = "radius";
        path = "/api/v1/spots?lat=" + f(city.lat() + random.nextGaussian() * sigma) + "&lng="
            + f(city.lng() + random.nextGaussian() * sigma) + "&radiusKm=" + f(3 + random.nextDouble() * 7);
      }
      if (random.nextBoolean()) {
        kind += "+filter";
        path += FILTERS[random.nextInt(FILTERS.length)];
      }
      out.add(new Query(kind, path));
    }
    return List.copyOf(out);
  }

  private static City pick(SplittableRandom random, List<City> cities, double total) {
    double r = random.nextDouble() * total;
    for (City c : cities) {
      r -= c.weight();
      if (r < 0) {
        return c;
      }
    }
    return cities.get(cities.size() - 1);
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.5f", v);
  }
}
