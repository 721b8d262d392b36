package io.voltgate.sharedkernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StationIdTest {

  @Test
  void acceptsEveryAllowedCharacterUpTo48() {
    assertTrue(StationId.isValid("AZaz09*-_=+|@."));
    assertTrue(StationId.isValid("x".repeat(48)));
    assertEquals("CP-1", new StationId("CP-1").value());
  }

  @Test
  void refusesEmptyTooLongColonSlashAndSpace() {
    assertFalse(StationId.isValid(""));
    assertFalse(StationId.isValid(null));
    assertFalse(StationId.isValid("x".repeat(49)));
    assertFalse(StationId.isValid("CP:1"));
    assertFalse(StationId.isValid("CP/1"));
    assertFalse(StationId.isValid("CP 1"));
    assertFalse(StationId.isValid("CPé"));
    assertThrows(IllegalArgumentException.class, () -> new StationId("a:b"));
  }
}
