package io.voltgate.chargermgmt.rest;

import jakarta.ws.rs.BadRequestException;

/** Parsing of query parameters with 400s that say what was wrong. */
final class Params {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  private Params() {}

  static int limit(String raw) {
    if (raw == null || raw.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    int value = integer("limit", raw);
    if (value < 1 || value > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
    }
    return value;
  }

  static int integer(String name, String raw) {
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be an integer, got '" + raw + "'");
    }
  }

  static Boolean bool(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    return switch (raw) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new BadRequestException(name + " must be true or false, got '" + raw + "'");
    };
  }
}
