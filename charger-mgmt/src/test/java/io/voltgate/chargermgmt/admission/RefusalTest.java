package io.voltgate.chargermgmt.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefusalTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000L * MS;

  @Test
  void holdsTheFractionOfASecondSoTheStationReturnsAtItsSlot() {
    Refusal r = Refusal.forWait(3 * S + 250 * MS);
    assertEquals(3, r.retryAfterSeconds());
    assertEquals(250, r.holdMillis());
  }

  @Test
  void anAppointmentUnderASecondAwayIsHeldForItsWholeWait() {
    Refusal r = Refusal.forWait(400 * MS);
    assertEquals(1, r.retryAfterSeconds(), "Retry-After is at least 1");
    assertEquals(400, r.holdMillis());
  }

  @Test
  void aStormRefusedInOneInstantComesBackSpreadAtTheRateNotInWavesPerSecond() {
    int rate = 100;
    HandshakeCalendar calendar = new HandshakeCalendar(rate, 10, 300, 0);
    int[] returnsPerTenthOfSecond = new int[400];
    int[] retryAfterOnlyPerTenth = new int[400];
    for (int i = 0; i < 2_000; i++) {
      long wait = calendar.appointment("cp" + i, 0);
      if (wait == 0) {
        continue;
      }
      Refusal r = Refusal.forWait(wait);
      long back = r.holdMillis() * MS + r.retryAfterSeconds() * S;
      assertTrue(back >= wait, "never before the slot");
      returnsPerTenthOfSecond[(int) (back / (100 * MS))]++;
      retryAfterOnlyPerTenth[(int) (r.retryAfterSeconds() * S / (100 * MS))]++;
    }
    int maxHeld = 0;
    int maxUnheld = 0;
    for (int t = 0; t < 400; t++) {
      maxHeld = Math.max(maxHeld, returnsPerTenthOfSecond[t]);
      maxUnheld = Math.max(maxUnheld, retryAfterOnlyPerTenth[t]);
    }
    // 100/s is 10 per 100 ms; with Retry-After alone all of a second's 100 come back together.
    assertTrue(maxHeld <= 11, "at most rate/10 per 100 ms when held, was " + maxHeld);
    assertTrue(maxUnheld >= 99, "the waves a bare Retry-After makes, was " + maxUnheld);
  }
}
