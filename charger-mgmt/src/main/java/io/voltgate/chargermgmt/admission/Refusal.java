package io.voltgate.chargermgmt.admission;

import java.util.concurrent.TimeUnit;

/**
 * A handshake sent away: the {@code Retry-After} to answer with, and how long to hold the answer
 * first. Retry-After is whole seconds, so chargers refused in the same instant come back in the
 * same instant however well their appointments are spread: after a crash the 2,000 refusals of
 * the first 0.3 s brought their stations back as one wave at the start of every second, ~100 at
 * once each time (upgrade scenario). Holding each answer for the fraction of a second its
 * appointment is past a whole second (under one second) brings each station back at its own
 * slot, {@code 1 / rate} apart.
 */
public record Refusal(int retryAfterSeconds, long holdMillis) {

  /** The refusal for a station whose appointment is {@code waitNanos} away. */
  static Refusal forWait(long waitNanos) {
    long second = TimeUnit.SECONDS.toNanos(1);
    if (waitNanos < second) {
      // Retry-After is at least 1 (0 invites a tight loop): held for its whole wait, the station
      // comes back a second after its slot, which is kept for it, in its turn with the others of
      // that second instead of with all of them at once.
      return new Refusal(1, TimeUnit.NANOSECONDS.toMillis(Math.max(0, waitNanos)));
    }
    int retryAfter = (int) (waitNanos / second);
    return new Refusal(retryAfter, TimeUnit.NANOSECONDS.toMillis(waitNanos - retryAfter * second));
  }

  /** Sent at once, with a Retry-After jittered by the caller (draining, the session cap). */
  static Refusal now(int retryAfterSeconds) {
    return new Refusal(retryAfterSeconds, 0);
  }
}
