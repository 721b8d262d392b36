package io.voltgate.loadtest.charger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

  private final SplittableRandom random = new SplittableRandom(42);

  @Test
  void backOffDoublesAfterEachFailureUpToRepeatTimesThenStays() {
    ReconnectPolicy policy = ReconnectPolicy.parse("backoff:3,0,2");
    assertEquals(Duration.ofSeconds(3), policy.delay(0, random));
    assertEquals(Duration.ofSeconds(6), policy.delay(1, random));
    assertEquals(Duration.ofSeconds(12), policy.delay(2, random));
    assertEquals(Duration.ofSeconds(12), policy.delay(3, random));
    assertEquals(Duration.ofSeconds(12), policy.delay(50, random));
  }

  @Test
  void backOffAddsAFreshRandomPartOfAtMostRandomRangeToEveryAttempt() {
    ReconnectPolicy policy = ReconnectPolicy.parse("backoff:3,10,5");
    long distinct = java.util.stream.IntStream.range(0, 200)
        .mapToLong(i -> policy.delay(1, random).toMillis())
        .peek(ms -> assertTrue(ms >= 6_000 && ms <= 16_000, "6 s + up to 10 s, got " + ms))
        .distinct().count();
    assertTrue(distinct > 50, "the random part varies: " + distinct);
  }

  @Test
  void immediateAndFixedDoNotGrow() {
    assertEquals(Duration.ZERO, ReconnectPolicy.parse("immediate").delay(7, random));
    assertEquals(Duration.ofMillis(2500), ReconnectPolicy.parse("fixed:2.5").delay(7, random));
    assertInstanceOf(ReconnectPolicy.Fixed.class, ReconnectPolicy.parse(" fixed:1 "));
  }

  @Test
  void rejectsMalformedPolicies() {
    assertThrows(IllegalArgumentException.class, () -> ReconnectPolicy.parse("backoff:3,10"));
    assertThrows(IllegalArgumentException.class, () -> ReconnectPolicy.parse("backoff:-1,10,3"));
    assertThrows(IllegalArgumentException.class, () -> ReconnectPolicy.parse("exponential"));
  }
}
