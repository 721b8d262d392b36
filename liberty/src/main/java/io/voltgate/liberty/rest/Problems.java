package io.voltgate.liberty.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds RFC 9457 {@code application/problem+json} responses (CONTRACT §2). */
final class Problems {

  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private Problems() {}

  static Response of(int status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title(status));
    body.put("status", status);
    body.put("detail", detail == null || detail.isBlank() ? title(status) : detail);
    return Response.status(status).type(PROBLEM_JSON).entity(body).build();
  }

  static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    if (known != null) {
      return known.getReasonPhrase();
    }
    return switch (status) {
      case 422 -> "Unprocessable Content";
      case 502 -> "Bad Gateway";
      default -> "HTTP " + status;
    };
  }
}
