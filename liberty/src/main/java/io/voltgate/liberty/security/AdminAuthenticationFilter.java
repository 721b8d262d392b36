package io.voltgate.liberty.security;

import io.voltgate.chargermgmt.security.PasswordHashes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP Basic for every admin call under {@code /api/v1} (CONTRACT §2); only the app's spot
 * search ({@code GET /spots}, {@code GET /spots/{id}}) is public. Accounts come from
 * {@code voltgate.admin.users} as {@code name:pbkdf2-hash} pairs, so no password is stored.
 *
 * <p>PBKDF2 costs ~100 ms by design, too much per request: {@link OperatorCredentials}
 * remembers a successful check (in memory only) and runs one slow check per account at a time.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AdminAuthenticationFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "voltgate.admin.users")
  String configuredUsers;

  private OperatorCredentials credentials;

  @PostConstruct
  void parseUsers() {
    Map<String, String> parsed = new HashMap<>();
    for (String entry : configuredUsers.split(",")) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (colon > 0) {
        parsed.put(trimmed.substring(0, colon), trimmed.substring(colon + 1));
      }
    }
    credentials = new OperatorCredentials(parsed, PasswordHashes::matches);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (isPublic(request)) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw unauthorized("Operator credentials required (HTTP Basic)");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthorized("Malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0 || !credentials.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1))) {
      throw unauthorized("Unknown user or wrong password");
    }
  }

  static boolean isPublic(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
    return read && (path.equals("spots") || (path.startsWith("spots/") && path.indexOf('/', 6) < 0));
  }

  private static NotAuthorizedException unauthorized(String detail) {
    return new NotAuthorizedException(detail, "Basic realm=\"voltgate\"");
  }
}
