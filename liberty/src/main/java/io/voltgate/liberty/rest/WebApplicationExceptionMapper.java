package io.voltgate.liberty.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Renders every {@link WebApplicationException} as problem+json. Resources in the bounded
 * contexts throw the standard JAX-RS exceptions ({@code BadRequestException("why")}, …) and
 * stay free of presentation details; a response that already carries a problem body passes.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    if (original.hasEntity()
        && Problems.PROBLEM_JSON.isCompatible(original.getMediaType() == null ? MediaType.WILDCARD_TYPE : original.getMediaType())) {
      return original;
    }
    int status = original.getStatus();
    String detail = e.getMessage();
    if (detail != null && detail.startsWith("HTTP " + status)) {
      detail = Problems.title(status);
    }
    Response problem = Problems.of(status, detail);
    if (status == 401) {
      return Response.fromResponse(problem)
          .header("WWW-Authenticate", "Basic realm=\"voltgate\", charset=\"UTF-8\"")
          .build();
    }
    return problem;
  }
}
