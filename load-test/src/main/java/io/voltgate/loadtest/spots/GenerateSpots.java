package io.voltgate.loadtest.spots;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar voltgate-load-test.jar generate-spots --db-url URL [options]}: writes the
 * Japan-like dataset of issue 4 into a database whose schema the server created, and prints
 * how long it took. See {@link #USAGE}.
 */
public final class GenerateSpots {

  public static final String USAGE = """
      usage: voltgate-load-test generate-spots --db-url JDBC_URL [options]
        --db-user U --db-password P  (default root / empty)
        --seed N                 (default 1)
        --spots N --stations N --history N   (default 12000 / 30000 / 5000000)
        --threads N              connections writing the history (default 2)
        --if-absent              keep a dataset generated with the same seed and sizes
        --force                  replace whatever the tables hold (they must otherwise be empty)
      The schema must exist: start the server once against the database (Flyway creates it).
      """;

  private GenerateSpots() {}

  public static void main(String[] args) throws Exception {
    run(args, System.out);
  }

  /** Returns true when data was generated, false when an identical dataset was kept. */
  public static boolean run(String[] args, PrintStream log) throws Exception {
    Map<String, String> o = Options.parse(args, Set.of("db-url", "db-user", "db-password", "seed", "spots", "stations",
        "history", "threads"), Set.of("if-absent", "force"), USAGE);
    if (!o.containsKey("db-url")) {
      throw new IllegalArgumentException("--db-url is required\n" + USAGE);
    }
    JapanDataset.Sizes sizes = new JapanDataset.Sizes(
        Integer.parseInt(o.getOrDefault("spots", "12000")),
        Integer.parseInt(o.getOrDefault("stations", "30000")),
        Long.parseLong(o.getOrDefault("history", "5000000")));
    long seed = Long.parseLong(o.getOrDefault("seed", "1"));
    DatasetLoader loader = new DatasetLoader(o.get("db-url"), o.getOrDefault("db-user", "root"),
        o.getOrDefault("db-password", ""), log);
    long t0 = System.nanoTime();
    long present = loader.rowsPresent();
    String existing = loader.existing();
    JapanDataset d = new JapanDataset(seed, sizes, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    if (o.containsKey("if-absent") && DatasetLoader.describe(d).equals(existing)) {
      log.println("dataset present (" + existing + "), kept");
      return false;
    }
    if (present > 0) {
      if (existing == null && !o.containsKey("force")) {
        throw new IllegalStateException("the tables already hold " + present + " rows that this generator did not write;"
            + " use --force to replace them");
      }
      log.println("clearing the previous dataset (" + (existing == null ? present + " rows" : existing) + ")");
      loader.clear();
    }
    log.printf("generating %s: %,d connectors%n", DatasetLoader.describe(d), d.connectorCount());
    loader.load(d, Integer.parseInt(o.getOrDefault("threads", "2")));
    log.printf("dataset generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return true;
  }
}
