package io.voltgate.loadtest.charger;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a charger waits before its next connection attempt after losing the connection or
 * failing to connect. {@code failedAttempts} counts the attempts since the link was last up (0
 * for the first reconnection). A {@code 503} answer's {@code Retry-After} is applied on top by
 * the charger (CONTRACT §1): it waits at least that long.
 */
public sealed interface ReconnectPolicy {

  Duration delay(int failedAttempts, RandomGenerator random);

  /** Reconnects at once, every time: the "naive storm". */
  record Immediate() implements ReconnectPolicy {
    @Override
    public Duration delay(int failedAttempts, RandomGenerator random) {
      return Duration.ZERO;
    }

    @Override
    public String toString() {
      return "immediate";
    }
  }

  /** Always the same delay. */
  record Fixed(Duration delay) implements ReconnectPolicy {
    @Override
    public Duration delay(int failedAttempts, RandomGenerator random) {
      return delay;
    }

    @Override
    public String toString() {
      return "fixed:" + delay.toMillis() / 1000.0;
    }
  }

  /**
   * OCPP 2.0.1 Part 4 §5.3: the first attempt after {@code waitMinimum} plus a random value up to
   * {@code randomRange}; after every failed attempt the back-off doubles, at most
   * {@code repeatTimes} times, and a new random value is added to every attempt.
   */
  record BackOff(Duration waitMinimum, Duration randomRange, int repeatTimes) implements ReconnectPolicy {
    public BackOff {
      if (waitMinimum.isNegative() || randomRange.isNegative() || repeatTimes < 0) {
        throw new IllegalArgumentException("back-off values must not be negative");
      }
    }

    @Override
    public Duration delay(int failedAttempts, RandomGenerator random) {
      int doublings = Math.min(Math.max(failedAttempts, 0), repeatTimes);
      long base = waitMinimum.toMillis() << Math.min(doublings, 30);
      long jitter = randomRange.isZero() ? 0 : random.nextLong(randomRange.toMillis() + 1);
      return Duration.ofMillis(base + jitter);
    }

    @Override
    public String toString() {
      return "backoff:" + waitMinimum.toSeconds() + "," + randomRange.toSeconds() + "," + repeatTimes;
    }
  }

  /**
   * Parses {@code immediate}, {@code fixed:SECONDS} or
   * {@code backoff:WAIT_MINIMUM,RANDOM_RANGE,REPEAT_TIMES} (seconds, seconds, count).
   */
  static ReconnectPolicy parse(String text) {
    String t = text.trim();
    if (t.equals("immediate")) {
      return new Immediate();
    }
    if (t.startsWith("fixed:")) {
      return new Fixed(seconds(t.substring("fixed:".length())));
    }
    if (t.startsWith("backoff:")) {
      String[] parts = t.substring("backoff:".length()).split(",");
      if (parts.length != 3) {
        throw new IllegalArgumentException("backoff needs WAIT_MINIMUM,RANDOM_RANGE,REPEAT_TIMES: " + text);
      }
      return new BackOff(seconds(parts[0]), seconds(parts[1]), Integer.parseInt(parts[2].trim()));
    }
    throw new IllegalArgumentException("unknown reconnect policy: " + text
        + " (immediate | fixed:SECONDS | backoff:WAIT_MINIMUM,RANDOM_RANGE,REPEAT_TIMES)");
  }

  private static Duration seconds(String s) {
    return Duration.ofMillis(Math.round(Double.parseDouble(s.trim()) * 1000));
  }
}
