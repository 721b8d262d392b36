package io.voltgate.liberty.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a request body JSON-B cannot read is the client's fault (400); anything else
 * unexpected is logged with its stack and answered 500 without internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof JsonbException || t instanceof ProcessingException) {
        return Problems.of(400, "Request body is not valid JSON for this resource: " + rootMessage(t));
      }
      if (t instanceof IllegalArgumentException) {
        return Problems.of(400, t.getMessage());
      }
      t = t.getCause();
    }
    LOG.log(Level.SEVERE, "Unhandled error in REST call", e);
    return Problems.of(500, "Internal error; see the server log");
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m;
  }
}
