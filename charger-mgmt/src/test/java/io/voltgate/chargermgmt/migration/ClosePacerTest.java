package io.voltgate.chargermgmt.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClosePacerTest {

  private static final long MS = 1_000_000L;

  @Test
  void aMillisecondLateEverySleepDoesNotStretchTheDrain() {
    ClosePacer pacer = new ClosePacer(50, 0, () -> 0.5); // gaps of exactly 20 ms
    long now = 0;
    for (int i = 0; i < 10_000; i++) {
      long slot = pacer.nextSlot(now);
      now = Math.max(now, slot) + MS; // every sleep wakes 1 ms late
    }
    // 10,000 closes at 50/s: 200 s, not 210 s
    assertTrue(now <= 200_000 * MS + 2 * MS, "took " + now / MS + " ms");
  }

  @Test
  void aStallIsWrittenOffInsteadOfReleasingABurst() {
    ClosePacer pacer = new ClosePacer(50, 0, () -> 0.5);
    assertEquals(20 * MS, pacer.nextSlot(0));
    long afterStall = 1_000 * MS; // the loop woke a second late: 49 slots missed
    int due = 0;
    long slot;
    while ((slot = pacer.nextSlot(afterStall)) <= afterStall) {
      due++;
    }
    assertTrue(due <= 1, due + " closes due at once after the stall");
    assertEquals(afterStall + 20 * MS, slot);
  }

  @Test
  void gapsAreJitteredWithinHalfAndOneAndAHalfTimesTheMean() {
    ClosePacer low = new ClosePacer(100, 0, () -> 0.0);
    ClosePacer high = new ClosePacer(100, 0, () -> 0.999_999);
    assertEquals(5 * MS, low.nextSlot(0));
    long longest = high.nextSlot(0);
    assertTrue(longest >= 14_999_000L && longest < 15_000_000L, "gap " + longest);
  }

  @Test
  void noSecondHoldsMoreThanTheRatePlusOne() {
    Random random = new Random(42);
    ClosePacer pacer = new ClosePacer(50, 0, random::nextDouble);
    long[] slots = new long[10_000];
    long now = 0;
    for (int i = 0; i < slots.length; i++) {
      slots[i] = pacer.nextSlot(now);
      now = Math.max(now, slots[i]);
    }
    java.util.Arrays.sort(slots);
    int worst = 0;
    for (int i = 0, j = 0; i < slots.length; i++) { // the most slots in any window [slots[j], slots[j] + 1 s)
      while (slots[i] - slots[j] >= 1_000 * MS) {
        j++;
      }
      worst = Math.max(worst, i - j + 1);
    }
    assertTrue(worst <= 51, worst + " closes within one second at 50/s");
  }
}
