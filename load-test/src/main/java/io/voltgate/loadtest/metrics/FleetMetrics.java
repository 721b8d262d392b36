package io.voltgate.loadtest.metrics;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The measurements of one process's share of a fleet, written to concurrently by the event-loop
 * threads. Latencies are recorded in microseconds into HdrHistograms (3 significant digits);
 * rates are counts per wall-clock second (epoch second), so child processes' series line up
 * when merged; gauges are sampled once a second.
 */
public final class FleetMetrics {

  private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHistogram> histograms = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<Long, LongAdder>> rates = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<Long, Long>> gauges = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> marks = new ConcurrentHashMap<>();

  public void increment(String counter) {
    add(counter, 1);
  }

  public void add(String counter, long delta) {
    counters.computeIfAbsent(counter, k -> new LongAdder()).add(delta);
  }

  public long counter(String counter) {
    LongAdder adder = counters.get(counter);
    return adder == null ? 0 : adder.sum();
  }

  /** Records a duration measured with {@link System#nanoTime()}. */
  public void recordNanos(String histogram, long nanos) {
    histograms.computeIfAbsent(histogram, k -> newHistogram())
        .recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
  }

  /** Counts one event in the current wall-clock second of the named rate series. */
  public void tick(String rate) {
    long second = System.currentTimeMillis() / 1000;
    rates.computeIfAbsent(rate, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(second, k -> new LongAdder()).increment();
  }

  /** Samples a gauge for the current wall-clock second (a later sample in the same second wins). */
  public void sample(String gauge, long value) {
    long second = System.currentTimeMillis() / 1000;
    gauges.computeIfAbsent(gauge, k -> new ConcurrentHashMap<>()).put(second, value);
  }

  /** Remembers when something happened (epoch milliseconds); the first call wins. */
  public void mark(String name) {
    marks.putIfAbsent(name, System.currentTimeMillis());
  }

  public void mark(String name, long epochMillis) {
    marks.put(name, epochMillis);
  }

  static ConcurrentHistogram newHistogram() {
    ConcurrentHistogram h = new ConcurrentHistogram(3);
    h.setAutoResize(true);
    return h;
  }

  /** A copy of everything recorded so far, in a form that serialises and merges. */
  public RunResult snapshot() {
    Map<String, Long> c = new TreeMap<>();
    counters.forEach((k, v) -> c.put(k, v.sum()));
    Map<String, String> h = new TreeMap<>();
    histograms.forEach((k, v) -> h.put(k, encode(v)));
    Map<String, Map<Long, Long>> r = new TreeMap<>();
    rates.forEach((k, v) -> {
      Map<Long, Long> series = new TreeMap<>();
      v.forEach((second, adder) -> series.put(second, adder.sum()));
      r.put(k, series);
    });
    Map<String, Map<Long, Long>> g = new TreeMap<>();
    gauges.forEach((k, v) -> g.put(k, new TreeMap<>(v)));
    return new RunResult(c, h, r, g, new TreeMap<>(marks));
  }

  static String encode(Histogram histogram) {
    Histogram copy = histogram.copy();
    ByteBuffer buffer = ByteBuffer.allocate(copy.getNeededByteBufferCapacity());
    int length = copy.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalArgumentException("not an encoded histogram", e);
    }
  }
}
