package io.voltgate.chargermgmt.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Stores {@link Instant} in a UTC {@code DATETIME(3)} column, bound as the text
 * {@code yyyy-MM-dd HH:mm:ss.SSS}.
 *
 * <p>Two traps decide this shape. JPA 3.1 has no basic mapping for Instant, and EclipseLink would
 * serialise it into a BLOB (LIBERTY-NOTES gotcha 2). And Connector/J drops the fraction of every
 * {@code LocalDateTime}/{@code Timestamp} parameter when it believes the server is older than
 * MySQL 5.6.4 — which is what MariaDB's handshake version {@code 5.5.5-10.x} makes it believe —
 * so charger timestamps lost their milliseconds and a replayed StartTransaction no longer matched
 * its first one. Text is converted by the server itself (MySQL, MariaDB and H2 alike) and keeps
 * the milliseconds.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

  private static final DateTimeFormatter SQL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @Override
  public Object convertToDatabaseColumn(Instant value) {
    return utc(value);
  }

  @Override
  public Instant convertToEntityAttribute(Object value) {
    // Drivers hand back what they like for DATETIME: LocalDateTime (Connector/J, H2),
    // Timestamp, or text.
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return parse(value.toString());
  }

  /** For native SQL parameters: the same UTC, millisecond-precision text. */
  public static String utc(Instant value) {
    return value == null ? null : SQL.format(value);
  }

  /** Reads what a driver returns for a DATETIME column as text ({@code ' '} or {@code 'T'}, 0–9 fraction digits). */
  public static Instant parse(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return LocalDateTime.parse(value.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }
}
