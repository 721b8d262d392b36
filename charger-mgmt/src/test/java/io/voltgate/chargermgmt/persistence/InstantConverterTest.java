package io.voltgate.chargermgmt.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

  private final InstantConverter converter = new InstantConverter();

  @Test
  void writesUtcTextWithMilliseconds() {
    assertEquals("2026-11-24 10:00:00.123",
        converter.convertToDatabaseColumn(Instant.parse("2026-11-24T10:00:00.123456Z")));
    assertEquals("2026-11-24 10:00:00.000",
        converter.convertToDatabaseColumn(Instant.parse("2026-11-24T10:00:00Z")));
  }

  @Test
  void readsWhatMySqlAndH2ReturnAsText() {
    Instant expected = Instant.parse("2026-11-24T10:00:00.120Z");
    assertEquals(expected, converter.convertToEntityAttribute("2026-11-24 10:00:00.12"));
    assertEquals(expected, converter.convertToEntityAttribute("2026-11-24 10:00:00.120"));
    assertEquals(expected, converter.convertToEntityAttribute("2026-11-24T10:00:00.120000000"));
    assertEquals(Instant.parse("2026-11-24T10:00:00Z"), converter.convertToEntityAttribute("2026-11-24 10:00:00"));
  }

  @Test
  void readsTheDriversDateTimeObjects() {
    Instant expected = Instant.parse("2026-11-24T10:00:00.120Z");
    assertEquals(expected, converter.convertToEntityAttribute(LocalDateTime.of(2026, 11, 24, 10, 0, 0, 120_000_000)));
    assertEquals(expected, converter.convertToEntityAttribute(Timestamp.valueOf("2026-11-24 10:00:00.12")));
    assertEquals(expected, converter.convertToEntityAttribute(OffsetDateTime.parse("2026-11-24T11:00:00.12+01:00")));
  }

  @Test
  void roundTripsToTheMillisecond() {
    Instant t = Instant.parse("1999-12-31T23:59:59.999Z");
    assertEquals(t, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(t)));
  }

  @Test
  void keepsNullsNull() {
    assertNull(converter.convertToDatabaseColumn(null));
    assertNull(converter.convertToEntityAttribute(null));
    assertNull(converter.convertToEntityAttribute(""));
  }
}
