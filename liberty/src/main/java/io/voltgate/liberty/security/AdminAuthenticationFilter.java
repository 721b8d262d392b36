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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP Basic for every admin call under {@code /api/v1} (CONTRACT §2); only the app's spot
 * search ({@code GET /spots}, {@code GET /spots/{id}}) is public. Accounts come from
 * {@code voltgate.admin.users} as {@code name:pbkdf2-hash} pairs, so no password is stored.
 *
 * <p>PBKDF2 costs ~100 ms by design, too much per request: after one successful check the
 * account's SHA-256 of the password is remembered in memory only, and later requests compare
 * against that.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AdminAuthenticationFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "voltgate.admin.users")
  String configuredUsers;

  private Map<String, String> hashes;
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

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
    hashes = Map.copyOf(parsed);
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
    if (colon < 0 || !authenticate(decoded.substring(0, colon), decoded.substring(colon + 1))) {
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

  private boolean authenticate(String user, String password) {
    String stored = hashes.get(user);
    if (stored == null) {
      return false;
    }
    byte[] digest = sha256(stored + '\u0000' + password);
    byte[] known = verified.get(user);
    if (known != null && MessageDigest.isEqual(known, digest)) {
      return true;
    }
    if (PasswordHashes.matches(stored, password)) {
      verified.put(user, digest);
      return true;
    }
    return false;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static NotAuthorizedException unauthorized(String detail) {
    return new NotAuthorizedException(detail, "Basic realm=\"voltgate\"");
  }
}
