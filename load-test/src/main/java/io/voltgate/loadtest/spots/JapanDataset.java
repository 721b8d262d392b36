package io.voltgate.loadtest.spots;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A Japan-like charging network for the spot-search benchmark (issue 4), generated from a seed:
 * spots clustered around real cities (gaussian, spread growing with the city's weight) plus
 * roadside spots along the lines between cities; stations on spots; connectors of the types
 * and powers found there (DC: CHAdeMO, CCS2, NACS at 50–150 kW; AC: Type2 at 6–22 kW); and a
 * status history per connector over the last 30 days that follows a charging cycle.
 *
 * <p>The same seed and sizes give the same network; times are relative to {@code now}. The
 * history is produced connector by connector ({@link #history}) so 5 million rows never sit in
 * memory. Station ids are {@code JP-000000…} with every two-connector station numbered first,
 * so the fleet simulator ({@code --id-prefix JP --connectors 2}) connects as stations whose
 * registered connectors match the ones it reports.
 */
public final class JapanDataset {

  /** A city: centre, share of the spots, and the gaussian spread of its spots in km. */
  public record City(String name, double lat, double lng, double weight) {
    double sigmaKm() {
      return 3 + 2.5 * Math.sqrt(weight);
    }
  }

  /** Real-ish centres; weights roughly follow metropolitan population. */
  public static final List<City> CITIES = List.of(
      new City("Tokyo", 35.6812, 139.7671, 30),
      new City("Yokohama", 35.4437, 139.6380, 8),
      new City("Osaka", 34.6937, 135.5023, 14),
      new City("Nagoya", 35.1815, 136.9066, 8),
      new City("Sapporo", 43.0618, 141.3545, 5),
      new City("Fukuoka", 33.5904, 130.4017, 6),
      new City("Kobe", 34.6901, 135.1955, 4),
      new City("Kyoto", 35.0116, 135.7681, 4),
      new City("Saitama", 35.8617, 139.6455, 4),
      new City("Chiba", 35.6073, 140.1063, 3),
      new City("Kawasaki", 35.5308, 139.7029, 3),
      new City("Hiroshima", 34.3853, 132.4553, 3),
      new City("Sendai", 38.2682, 140.8694, 3),
      new City("Kitakyushu", 33.8834, 130.8752, 2),
      new City("Niigata", 37.9161, 139.0364, 2),
      new City("Hamamatsu", 34.7108, 137.7261, 2),
      new City("Shizuoka", 34.9756, 138.3828, 2),
      new City("Okayama", 34.6551, 133.9195, 2),
      new City("Kumamoto", 32.8031, 130.7079, 2),
      new City("Kagoshima", 31.5966, 130.5571, 1.5),
      new City("Kanazawa", 36.5613, 136.6562, 1.5),
      new City("Utsunomiya", 36.5551, 139.8828, 1.5),
      new City("Matsuyama", 33.8392, 132.7657, 1),
      new City("Nagano", 36.6485, 138.1942, 1),
      new City("Takamatsu", 34.3428, 134.0466, 1),
      new City("Naha", 26.2124, 127.6809, 1),
      new City("Morioka", 39.7036, 141.1527, 0.7),
      new City("Akita", 39.7200, 140.1025, 0.7),
      new City("Aomori", 40.8246, 140.7406, 0.7),
      new City("Asahikawa", 43.7707, 142.3650, 0.5));

  /** Share of spots on the road between two cities rather than in one. */
  static final double ROADSIDE_SHARE = 0.1;
  static final Duration HISTORY_SPAN = Duration.ofDays(30);

  private static final String[] OPERATORS = {"e-Mobility Power", "ENEOS", "Tesla", "Nissan", "Aeon", "Lawson", "Idemitsu", "Plugo"};
  private static final String[] VENDORS = {"Nichicon", "Hitachi", "Takaoka", "Panasonic", "ABB", "Tesla"};

  public record Sizes(int spots, int stations, long historyRows) {
    public static final Sizes FULL = new Sizes(12_000, 30_000, 5_000_000);
  }

  public record Spot(String spotId, String name, double lat, double lng, String city, String operator) {}

  public record Station(String stationId, String spotId, String vendor, String model, List<Connector> connectors) {}

  public record Connector(String stationId, int connectorId, String type, double maxPowerKw, int historyRows, long firstHistoryId, long seed) {}

  /** One row of {@code connector_status_history}; the last one of a connector is its latest. */
  public record StatusEvent(long id, String stationId, int connectorId, String status, String errorCode, Instant statusAt, Instant receivedAt) {}

  private final long seed;
  private final Sizes sizes;
  private final Instant now;
  private final List<Spot> spots;
  private final List<Station> stations;

  public JapanDataset(long seed, Sizes sizes, Instant now) {
    if (sizes.stations() < sizes.spots()) {
      throw new IllegalArgumentException("every spot gets at least one station: stations >= spots");
    }
    this.seed = seed;
    this.sizes = sizes;
    this.now = now;
    SplittableRandom random = new SplittableRandom(seed);
    this.spots = makeSpots(random);
    this.stations = makeStations(random);
  }

  public List<Spot> spots() {
    return spots;
  }

  public List<Station> stations() {
    return stations;
  }

  public Instant now() {
    return now;
  }

  public long connectorCount() {
    return stations.stream().mapToLong(s -> s.connectors().size()).sum();
  }

  private List<Spot> makeSpots(SplittableRandom random) {
    double total = CITIES.stream().mapToDouble(City::weight).sum();
    List<Spot> out = new ArrayList<>(sizes.spots());
    int[] perCity = new int[CITIES.size()];
    for (int i = 0; i < sizes.spots(); i++) {
      City city = pick(random, total);
      double lat;
      double lng;
      String name;
      if (random.nextDouble() < ROADSIDE_SHARE) {
        // a service area on the road to another city
        City other = pick(random, total);
        double t = random.nextDouble();
        lat = city.lat() + (other.lat() - city.lat()) * t + random.nextGaussian() * 0.02;
        lng = city.lng() + (other.lng() - city.lng()) * t + random.nextGaussian() * 0.02;
        name = city.name() + "–" + other.name() + " roadside";
      } else {
        double sigmaDeg = city.sigmaKm() / 111.0;
        lat = city.lat() + random.nextGaussian() * sigmaDeg;
        lng = city.lng() + random.nextGaussian() * sigmaDeg / Math.cos(Math.toRadians(city.lat()));
        name = city.name();
      }
      int n = ++perCity[CITIES.indexOf(city)];
      String operator = OPERATORS[random.nextInt(OPERATORS.length)];
      out.add(new Spot(String.format(Locale.ROOT, "jp-%05d", i), name + " " + operator + " #" + n,
          round6(lat), round6(lng), city.name(), operator));
    }
    return List.copyOf(out);
  }

  private City pick(SplittableRandom random, double total) {
    double r = random.nextDouble() * total;
    for (City c : CITIES) {
      r -= c.weight();
      if (r < 0) {
        return c;
      }
    }
    return CITIES.get(CITIES.size() - 1);
  }

  private List<Station> makeStations(SplittableRandom random) {
    // Every spot gets one station; the rest go to spots in proportion to a per-spot size
    // (a few big hubs, many single chargers).
    int[] count = new int[spots.size()];
    double[] size = new double[spots.size()];
    double sum = 0;
    for (int i = 0; i < spots.size(); i++) {
      count[i] = 1;
      size[i] = Math.exp(random.nextGaussian() * 0.8);
      sum += size[i];
    }
    double[] cumulative = new double[spots.size()];
    double acc = 0;
    for (int i = 0; i < spots.size(); i++) {
      acc += size[i] / sum;
      cumulative[i] = acc;
    }
    for (int extra = sizes.stations() - spots.size(); extra > 0; extra--) {
      int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
      count[Math.min(spots.size() - 1, at < 0 ? -at - 1 : at)]++;
    }
    record Draft(String spotId, int connectors, boolean dc, int order) {}
    List<Draft> drafts = new ArrayList<>(sizes.stations());
    for (int i = 0; i < spots.size(); i++) {
      for (int k = 0; k < count[i]; k++) {
        double r = random.nextDouble();
        int connectors = r < 0.25 ? 1 : r < 0.75 ? 2 : 3; // mean 2
        drafts.add(new Draft(spots.get(i).spotId(), connectors, random.nextDouble() < 0.4, random.nextInt()));
      }
    }
    // Two-connector stations first (the fleet's), each group in a seeded random order.
    drafts.sort(Comparator.<Draft>comparingInt(d -> d.connectors() == 2 ? 0 : 1).thenComparingInt(Draft::order));
    long totalConnectors = drafts.stream().mapToLong(Draft::connectors).sum();
    long[] rows = historyCounts(random, (int) totalConnectors);
    List<Station> out = new ArrayList<>(drafts.size());
    long nextId = 1;
    int c = 0;
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      String stationId = String.format(Locale.ROOT, "JP-%06d", i);
      List<Connector> connectors = new ArrayList<>(d.connectors());
      for (int k = 1; k <= d.connectors(); k++) {
        String type;
        double kw;
        if (d.dc()) {
          double t = random.nextDouble();
          type = t < 0.55 ? "CHAdeMO" : t < 0.85 ? "CCS2" : "NACS";
          kw = type.equals("NACS") ? (random.nextBoolean() ? 120 : 150) : new double[] {50, 50, 90, 150}[random.nextInt(4)];
        } else {
          type = "Type2";
          kw = new double[] {6, 6, 7.4, 11, 22}[random.nextInt(5)];
        }
        connectors.add(new Connector(stationId, k, type, kw, (int) rows[c], nextId, random.nextLong()));
        nextId += rows[c];
        c++;
      }
      out.add(new Station(stationId, d.spotId(), VENDORS[random.nextInt(VENDORS.length)],
          d.dc() ? "DC-" + (int) connectors.get(0).maxPowerKw() : "AC-22", List.copyOf(connectors)));
    }
    return List.copyOf(out);
  }

  /** History rows per connector, each at least 1 and summing to exactly the requested total. */
  private long[] historyCounts(SplittableRandom random, int connectors) {
    long[] rows = new long[connectors];
    long mean = Math.max(1, sizes.historyRows() / connectors);
    long sum = 0;
    for (int i = 0; i < connectors; i++) {
      rows[i] = 1 + random.nextLong(2 * mean - 1 + 1);
      sum += rows[i];
    }
    while (sum != sizes.historyRows()) {
      int i = random.nextInt(connectors);
      if (sum < sizes.historyRows()) {
        rows[i]++;
        sum++;
      } else if (rows[i] > 1) {
        rows[i]--;
        sum--;
      }
    }
    return rows;
  }

  /**
   * The connector's status history, oldest first, with strictly increasing charger timestamps;
   * ids are consecutive from {@link Connector#firstHistoryId}. A charging cycle (Available,
   * Preparing, Charging, sometimes SuspendedEV, Finishing; Available re-sent now and then) with
   * occasional faults and maintenance; the last row is the connector's latest status.
   */
  public List<StatusEvent> history(Connector c) {
    SplittableRandom random = new SplittableRandom(c.seed());
    List<StatusEvent> out = new ArrayList<>(c.historyRows());
    long span = HISTORY_SPAN.toMillis();
    long step = Math.max(1, span / (c.historyRows() + 1));
    long t = now.toEpochMilli() - span + random.nextLong(step);
    String status = "Available";
    for (int i = 0; i < c.historyRows(); i++) {
      String error = "NoError";
      double r = random.nextDouble();
      if (status.equals("Faulted") || status.equals("Unavailable")) {
        status = "Available";
      } else if (r < 0.03) {
        status = "Faulted";
        error = new String[] {"GroundFailure", "OverCurrentFailure", "PowerMeterFailure", "ConnectorLockFailure"}[random.nextInt(4)];
      } else if (r < 0.05) {
        status = "Unavailable";
      } else {
        status = switch (status) {
          // half the time an Available is re-sent (after a reboot or a heartbeat-driven report)
          case "Available" -> random.nextBoolean() ? "Available" : "Preparing";
          case "Preparing" -> "Charging";
          case "Charging" -> random.nextDouble() < 0.2 ? "SuspendedEV" : "Finishing";
          case "SuspendedEV" -> random.nextBoolean() ? "Charging" : "Finishing";
          default -> "Available";
        };
      }
      Instant at = Instant.ofEpochMilli(t);
      out.add(new StatusEvent(c.firstHistoryId() + i, c.stationId(), c.connectorId(), status, error, at,
          at.plusMillis(30 + random.nextInt(1500))));
      t += 1 + step / 2 + random.nextLong(step);
      t = Math.min(t, now.toEpochMilli() - (c.historyRows() - i));
    }
    return out;
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  public long seed() {
    return seed;
  }

  public Sizes sizes() {
    return sizes;
  }
}
