package io.voltgate.chargermgmt.admission;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A token bucket whose refusals are appointments. Up to {@code burst} handshakes pass at once and
 * {@code ratePerSecond} after that; a refused station gets the next free slot on a calendar that
 * advances by {@code 1 / rate} per appointment, and its Retry-After says when that slot is. A
 * station that returns at (or after) its slot is admitted whatever the bucket holds, so a storm of
 * N chargers drains in about N / rate seconds, evenly, instead of retrying in synchronised waves.
 *
 * <p>Not thread-safe; {@link HandshakeAdmission} serialises calls. Time is passed in (nanoseconds)
 * so the rules can be tested without sleeping.
 */
final class HandshakeCalendar {

  /** A station may come back this much before its slot (Retry-After is whole seconds). */
  private static final long EARLY_NANOS = 1_000_000_000L;
  /** An appointment not kept within this long after its slot is forgotten. */
  private static final long KEEP_NANOS = 60_000_000_000L;

  private final double ratePerSecond;
  private final double burst;
  private final long slotNanos;
  private final int maxRetryAfterSeconds;

  private double tokens;
  private long refilledAt;
  /** The first free slot of the calendar; at or before now when nobody is waiting. */
  private long nextSlot;
  private final Map<String, Long> appointments = new HashMap<>();
  /** The same appointments by slot (slots are distinct: each is booked {@code 1 / rate} after the last). */
  private final NavigableMap<Long, String> booked = new TreeMap<>();
  private long sweptAt;

  HandshakeCalendar(double ratePerSecond, int burst, int maxRetryAfterSeconds, long now) {
    if (ratePerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be positive");
    }
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.slotNanos = (long) (1_000_000_000L / ratePerSecond);
    this.maxRetryAfterSeconds = maxRetryAfterSeconds;
    this.tokens = burst;
    this.refilledAt = now;
    this.nextSlot = now;
    this.sweptAt = now;
  }

  /** 0 when admitted; otherwise the Retry-After in seconds (at least 1). */
  int admit(String stationId, long now) {
    long wait = appointment(stationId, now);
    return wait == 0 ? 0 : (int) Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
  }

  /**
   * 0 when admitted; otherwise how long (nanoseconds, more than 0) until the station's
   * appointment, or until the horizon when the calendar is full.
   */
  long appointment(String stationId, long now) {
    refill(now);
    sweep(now);
    Long slot = appointments.get(stationId);
    if (slot != null) {
      if (now >= slot - EARLY_NANOS) {
        appointments.remove(stationId);
        booked.remove(slot);
        tokens -= 1; // kept whatever the bucket holds; walk-ins then wait for the refill
        return 0;
      }
      return slot - now;
    }
    // Walk-ins pass while the bucket has a token and the coming second is not booked full: they
    // must not take the capacity promised to those waiting. An appointment pays its token when it
    // is kept, not when it is booked: paid ahead, five appointments after a stall refused the next
    // four walk-ins of a 50/s stream at a rate of 100. (Asking for no appointment ahead at all
    // latched: an appointment is at least a second out, so under a steady stream of walk-ins one
    // refusal made the next walk-in's refusal, and so on, for as long as the stream lasted.)
    if (tokens >= 1 && dueWithinASecond(now) < ratePerSecond) {
      tokens -= 1;
      return 0;
    }
    // Never sooner than a second away: Retry-After cannot say less, and a slot inside the second
    // would bring its station back after the slots of the next second (Refusal).
    long start = Math.max(nextSlot, now + Math.max(slotNanos, 1_000_000_000L));
    long latest = now + maxRetryAfterSeconds * 1_000_000_000L;
    if (start > latest) {
      // The calendar is full to the horizon: no appointment, come back at the horizon.
      return latest - now;
    }
    nextSlot = start + slotNanos;
    appointments.put(stationId, start);
    booked.put(start, stationId);
    return start - now;
  }

  int waiting() {
    return appointments.size();
  }

  /** Appointments whose slot falls in the coming second (at most about {@code rate} of them). */
  private int dueWithinASecond(long now) {
    return booked.isEmpty() ? 0 : booked.subMap(now, false, now + 1_000_000_000L, true).size();
  }

  private void refill(long now) {
    double elapsed = (now - refilledAt) / 1e9;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * ratePerSecond);
      refilledAt = now;
    }
  }

  private void sweep(long now) {
    if (now - sweptAt < 1_000_000_000L) {
      return;
    }
    sweptAt = now;
    SortedMap<Long, String> forgotten = booked.headMap(now - KEEP_NANOS);
    forgotten.values().forEach(appointments::remove);
    forgotten.clear();
  }
}
