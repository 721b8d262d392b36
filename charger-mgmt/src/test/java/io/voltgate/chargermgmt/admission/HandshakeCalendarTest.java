package io.voltgate.chargermgmt.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeCalendarTest {

  private static final long S = 1_000_000_000L;

  @Test
  void admitsTheBurstAtOnceThenRefusesWithARetryAfter() {
    HandshakeCalendar calendar = new HandshakeCalendar(10, 5, 300, 0);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, calendar.admit("cp" + i, 0), "within the burst");
    }
    int retryAfter = calendar.admit("cp5", 0);
    assertTrue(retryAfter >= 1, "refused with a Retry-After");
    assertEquals(1, calendar.waiting());
  }

  @Test
  void spreadsAStormEvenlyOverNDividedByRate() {
    int rate = 100;
    int n = 2_000;
    HandshakeCalendar calendar = new HandshakeCalendar(rate, rate, 300, 0);
    int[] perSecond = new int[40];
    List<Integer> retryAfters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int r = calendar.admit("cp" + i, 0);
      retryAfters.add(r);
      perSecond[r]++;
    }
    assertEquals(rate, perSecond[0], "the burst is admitted at once");
    int last = retryAfters.stream().mapToInt(Integer::intValue).max().orElseThrow();
    // Appointments start a second out (Retry-After cannot say less), then follow at the rate.
    assertTrue(last >= n / rate && last <= n / rate + 2, "last appointment ~N/rate + 1 s away, was " + last);
    assertEquals(0, perSecond[0] - rate, "nobody refused is asked back sooner than a second");
    for (int second = 2; second < last; second++) {
      assertTrue(perSecond[second] >= rate - 1 && perSecond[second] <= rate + 1,
          "about rate appointments per second, second " + second + " had " + perSecond[second]);
    }
  }

  @Test
  void aStationReturningAtItsAppointmentIsAdmittedEvenWhenTheBucketIsEmpty() {
    HandshakeCalendar calendar = new HandshakeCalendar(10, 1, 300, 0);
    assertEquals(0, calendar.admit("a", 0));
    int retryAfter = calendar.admit("b", 0);
    // Walk-ins arriving meanwhile do not take b's slot.
    long at = retryAfter * S;
    for (int i = 0; i < 50; i++) {
      calendar.admit("walk-in-" + i, at - S / 2);
    }
    assertEquals(0, calendar.admit("b", at), "admitted at its appointment");
  }

  @Test
  void aStationComingBackTooEarlyKeepsItsAppointment() {
    HandshakeCalendar calendar = new HandshakeCalendar(1, 1, 300, 0);
    calendar.admit("a", 0);
    calendar.admit("b", 0);
    int third = calendar.admit("c", 0);
    assertTrue(third >= 2, "c's slot is behind b's, was " + third);
    int again = calendar.admit("c", S / 10);
    assertTrue(again >= 1 && again <= third, "the same appointment, told again: " + again);
    assertEquals(2, calendar.waiting(), "no second appointment for c");
  }

  @Test
  void walkInsPassAgainOnceTheCalendarIsEmpty() {
    HandshakeCalendar calendar = new HandshakeCalendar(10, 10, 300, 0);
    for (int i = 0; i < 30; i++) {
      calendar.admit("cp" + i, 0);
    }
    assertTrue(calendar.admit("late", S) > 0, "appointments are still ahead at 1 s");
    assertEquals(0, calendar.admit("later", 10 * S), "calendar done and bucket refilled");
  }

  @Test
  void neverPromisesBeyondTheHorizon() {
    HandshakeCalendar calendar = new HandshakeCalendar(1, 1, 5, 0);
    int max = 0;
    for (int i = 0; i < 20; i++) {
      max = Math.max(max, calendar.admit("cp" + i, 0));
    }
    assertEquals(5, max);
    assertTrue(calendar.waiting() <= 5, "at most horizon × rate appointments, was " + calendar.waiting());
  }

  @Test
  void forgetsAppointmentsNotKept() {
    HandshakeCalendar calendar = new HandshakeCalendar(10, 1, 300, 0);
    calendar.admit("a", 0);
    calendar.admit("b", 0);
    assertEquals(1, calendar.waiting());
    calendar.admit("c", 120 * S);
    assertEquals(0, calendar.waiting(), "b never came back; c walked in");
  }

  @Test
  void oneBunchOverTheBurstDoesNotTurnAwayEveryWalkInAfterIt() {
    // A migration's pace: 50 walk-ins a second against a rate of 100 and a burst of 10 (the
    // upgrade scenario's settings). At 1 s the instance stalls and 15 handshakes come at once: 5
    // are over the burst and get appointments. Seen in a 10,000-charger move: a second away,
    // those appointments were always "still ahead" of the next walk-in, which was refused and
    // booked another second out, and so on: every reconnect after the stall got a 503 first.
    HandshakeCalendar calendar = new HandshakeCalendar(100, 10, 300, 0);
    int refused = 0;
    int station = 0;
    for (long t = 0; t < 60 * S; t += S / 50) {
      int arriving = t == S ? 15 : 1;
      for (int i = 0; i < arriving; i++) {
        if (calendar.admit("cp" + station++, t) > 0) {
          refused++;
        }
      }
    }
    assertEquals(5, refused, "only the stall's excess over the burst is refused");
    assertEquals(5, calendar.waiting(), "and holds appointments");
  }

  @Test
  void walkInsStillWaitWhileTheComingSecondIsBookedFull() {
    // After a crash: 1,000 at once against a rate of 100 fill the calendar for ten seconds; a
    // newcomer 3 s later must not take the capacity promised to the stations due then.
    HandshakeCalendar calendar = new HandshakeCalendar(100, 10, 300, 0);
    for (int i = 0; i < 1_000; i++) {
      calendar.admit("cp" + i, 0);
    }
    assertTrue(calendar.admit("newcomer", 3 * S) > 0, "the next second holds 100 appointments");
  }
}
