package io.voltgate.sharedkernel;

import java.util.Objects;

/**
 * A charging station's identity (OCPP chargeBoxId / 2.0.1 identity): 1–48 characters of
 * {@code A–Z a–z 0–9 * - _ = + | @ .}. The colon is excluded because it would break HTTP Basic
 * auth (OCPP 2.0.1 Part 4 §3.1.1; CONTRACT §1).
 */
public record StationId(String value) {

  public static final int MAX_LENGTH = 48;

  public StationId {
    Objects.requireNonNull(value, "station id");
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "station id must be 1-48 characters of A-Z a-z 0-9 * - _ = + | @ .");
    }
  }

  /** Checks the identity pattern without allocating; used on every handshake. */
  public static boolean isValid(String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < candidate.length(); i++) {
      if (!allowed(candidate.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allowed(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '*'
        || c == '-'
        || c == '_'
        || c == '='
        || c == '+'
        || c == '|'
        || c == '@'
        || c == '.';
  }

  @Override
  public String toString() {
    return value;
  }
}
