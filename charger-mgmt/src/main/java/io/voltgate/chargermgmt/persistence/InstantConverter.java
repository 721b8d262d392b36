package io.voltgate.chargermgmt.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant} as a UTC {@code DATETIME(3)}: JPA 3.1 has no basic mapping for Instant
 * and EclipseLink would otherwise serialise it into a BLOB (LIBERTY-NOTES gotcha 2).
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

  @Override
  public LocalDateTime convertToDatabaseColumn(Instant value) {
    return utc(value);
  }

  @Override
  public Instant convertToEntityAttribute(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  /** For native SQL parameters: the same UTC, millisecond-precision representation. */
  public static LocalDateTime utc(Instant value) {
    return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC).withNano(value.getNano() / 1_000_000 * 1_000_000);
  }
}
