package io.voltgate.chargermgmt.migration;

import java.util.function.DoubleSupplier;

/**
 * The slots of a drain's closes: an even schedule of {@code rate} per second, each close jittered
 * by up to half a gap either side of its point. Jitter around fixed points, unlike jittered gaps,
 * never drifts: any one-second window holds at most {@code rate + 1} slots (with gaps jittered
 * ±50 % independently, 10,000 closes at 50/s showed a 56/s second), and the drain takes N / rate.
 * The schedule is absolute, so the small lateness of every sleep (a millisecond or so on a busy
 * machine, against a 20 ms gap at 50/s) does not add up (it did: 10,000 closes took 209 s
 * instead of 200). Lateness beyond one gap (a stall: GC, a busy core) is written off instead of
 * caught up, so a stall never releases a burst of closes that the successor would see.
 *
 * <p>Not thread-safe: one drain loop uses it. Time is passed in (nanoseconds) for tests.
 */
final class ClosePacer {

  private final long gapNanos;
  private final DoubleSupplier random;
  private long origin;
  private long index;

  /** {@code random} yields values in [0, 1). */
  ClosePacer(double ratePerSecond, long now, DoubleSupplier random) {
    this.gapNanos = (long) (1e9 / Math.max(0.001, ratePerSecond));
    this.random = random;
    this.origin = now;
  }

  /** The time of the next close, given that the previous one happened (or was due) before {@code now}. */
  long nextSlot(long now) {
    index++;
    long point = origin + index * gapNanos;
    if (now - point > gapNanos) { // stalled: the schedule starts again from now
      origin = now - index * gapNanos;
      point = now;
    }
    return point + (long) (gapNanos * (random.getAsDouble() - 0.5));
  }
}
