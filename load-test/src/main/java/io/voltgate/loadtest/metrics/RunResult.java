package io.voltgate.loadtest.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Everything one run (or one child process of it) measured: counters, HdrHistograms (compressed,
 * base64, microseconds), per-second rate series and sampled gauges keyed by epoch second, and
 * marks (epoch milliseconds). Child results merge into the run's result by adding counters,
 * histograms, rates and gauges (each child holds a disjoint slice of the fleet); a mark takes
 * the latest time, i.e. when every process had got there, except {@code start} and marks named
 * {@code first...}, which take the earliest.
 */
public record RunResult(
    Map<String, Long> counters,
    Map<String, String> histograms,
    Map<String, Map<Long, Long>> rates,
    Map<String, Map<Long, Long>> gauges,
    Map<String, Long> marks) {

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** The decoded histogram (microseconds), empty if nothing was recorded under that name. */
  public Histogram histogram(String name) {
    String encoded = histograms.get(name);
    if (encoded == null) {
      return FleetMetrics.newHistogram();
    }
    return FleetMetrics.decode(encoded);
  }

  public Map<Long, Long> rate(String name) {
    return rates.getOrDefault(name, Map.of());
  }

  public Map<Long, Long> gauge(String name) {
    return gauges.getOrDefault(name, Map.of());
  }

  /** Sums the counters whose names start with {@code prefix}. */
  public long counterSum(String prefix) {
    return counters.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  public static RunResult merge(List<RunResult> parts) {
    Map<String, Long> counters = new TreeMap<>();
    Map<String, Histogram> histograms = new TreeMap<>();
    Map<String, Map<Long, Long>> rates = new TreeMap<>();
    Map<String, Map<Long, Long>> gauges = new TreeMap<>();
    Map<String, Long> marks = new TreeMap<>();
    for (RunResult part : parts) {
      part.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
      part.histograms().forEach((k, v) -> {
        Histogram decoded = FleetMetrics.decode(v);
        histograms.merge(k, decoded, (a, b) -> {
          a.add(b);
          return a;
        });
      });
      sumSeries(part.rates(), rates);
      sumSeries(part.gauges(), gauges);
      part.marks().forEach((k, v) -> marks.merge(k, v, k.equals("start") || k.startsWith("first") ? Math::min : Math::max));
    }
    Map<String, String> encoded = new TreeMap<>();
    histograms.forEach((k, v) -> encoded.put(k, FleetMetrics.encode(v)));
    return new RunResult(counters, encoded, rates, gauges, marks);
  }

  private static void sumSeries(Map<String, Map<Long, Long>> from, Map<String, Map<Long, Long>> into) {
    from.forEach((name, series) -> {
      Map<Long, Long> target = into.computeIfAbsent(name, k -> new TreeMap<>());
      series.forEach((second, value) -> target.merge(second, value, Long::sum));
    });
  }
}
