package io.voltgate.liberty.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the timestamps the server returns, whatever ISO-8601 flavour it chose. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Parses {@code 2026-11-24T19:52:04Z}, {@code ...+01:00} or a zone-less UTC local date-time. */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    public static boolean sameInstant(String expected, String actual) {
        return actual != null && !actual.isEmpty() && parse(expected).equals(parse(actual));
    }
}
