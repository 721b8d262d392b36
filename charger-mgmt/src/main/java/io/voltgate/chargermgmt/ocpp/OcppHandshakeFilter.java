package io.voltgate.chargermgmt.ocpp;

import io.voltgate.chargermgmt.admission.HandshakeAdmission;
import io.voltgate.chargermgmt.admission.Refusal;
import io.voltgate.chargermgmt.station.HandshakeInfo;
import io.voltgate.chargermgmt.station.StationEvents;
import io.voltgate.chargermgmt.station.StationService;
import io.voltgate.chargermgmt.security.PasswordHashes;
import io.voltgate.sharedkernel.StationId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses OCPP handshakes with a status code before the WebSocket upgrade, in the contract's
 * order (CONTRACT §1): identity pattern 400, unknown station 404, credentials 401, admission
 * 503. Sub-protocol negotiation happens after this, in {@link OcppConfigurator}. A WebSocket
 * configurator cannot answer with a status code, hence a servlet filter (LIBERTY-NOTES 9).
 * The station is read together with other handshakes arriving at the same time
 * ({@link StationEvents#handshakeInfo}): one query for a whole burst of a storm.
 */
@WebFilter(urlPatterns = "/ocpp/*", asyncSupported = true)
public class OcppHandshakeFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(OcppHandshakeFilter.class.getName());
  private static final String PREFIX = "/ocpp/";
  private static final long LOOKUP_TIMEOUT_SECONDS = 10;
  /** Shorter holds are not worth an asynchronous answer. */
  private static final long MIN_HOLD_MILLIS = 20;
  private static final long HOLD_TIMEOUT_SLACK_MILLIS = 5_000;

  @Inject StationService stations;
  @Inject StationEvents events;
  @Inject HandshakeTickets tickets;
  @Inject OcppMetrics metrics;
  @Inject HandshakeAdmission admission;
  /** Holds refusals (see {@link Refusal}) without holding a request thread. */
  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService holds;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String stationId = path.startsWith(PREFIX) ? percentDecode(path.substring(PREFIX.length())) : null;
    if (stationId == null || !StationId.isValid(stationId)) {
      refuse(response, 400, "invalid-identity", "Station id must be 1-48 characters of A-Z a-z 0-9 * - _ = + | @ .");
      return;
    }
    // The storm path: a station this instance knows (StationEvents.knownHandshakeInfo), whose
    // credentials match what it knows, is asked of admission before the database. A refusal is
    // answered at once: 503, the contract's earlier checks having passed on facts at most minutes
    // old. An admission still takes the fresh lookup below, so nothing is admitted on old facts.
    // After a crash the survivor's few request threads all waited for lookups of refused
    // chargers, and REST requests queued behind them for seconds.
    boolean admitted = false;
    if (knownWithCredentials(request, stationId)) {
      if (refusedByAdmission(request, response, stationId)) {
        return;
      }
      admitted = true;
    }
    Optional<HandshakeInfo> station;
    try {
      station = lookup(stationId);
    } catch (TimeoutException | ExecutionException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read station " + stationId + " for its handshake: " + e);
      // jittered, so refused chargers do not come back together
      response.setHeader("Retry-After", Integer.toString(5 + ThreadLocalRandom.current().nextInt(11)));
      refuse(response, 503, "db-unavailable", "Busy; retry later");
      return;
    }
    if (station.isEmpty()) {
      refuse(response, 404, "unknown-station", "Unknown station");
      return;
    }
    String hash = station.get().passwordHash();
    if (hash != null && !credentialsMatch(request, stationId, hash)) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"voltgate-ocpp\"");
      refuse(response, 401, "unauthorized", "Missing or wrong credentials");
      return;
    }
    if (!admitted && refusedByAdmission(request, response, stationId)) {
      return;
    }
    tickets.put(stationId, station.get().accepted());
    chain.doFilter(new WithoutHttpSession(request), response);
  }

  /**
   * The upgrade request as Liberty's WebSocket handshake sees it, with no HTTP session. Liberty
   * asks every handshake for {@code getSession()} (to offer it as
   * {@code HandshakeRequest.getHttpSession()}), which creates one: a session object in the
   * in-memory store for its 30-minute timeout, a CDI bean-store attribute in it, a session id
   * from SecureRandom and a {@code Set-Cookie: JSESSIONID} on the 101 — per charger, for a
   * protocol that has no use for any of it. Nothing in Voltgate reads that session.
   */
  static final class WithoutHttpSession extends HttpServletRequestWrapper {
    WithoutHttpSession(HttpServletRequest request) {
      super(request);
    }

    @Override
    public HttpSession getSession() {
      return null;
    }

    @Override
    public HttpSession getSession(boolean create) {
      return null;
    }
  }

  private boolean knownWithCredentials(HttpServletRequest request, String stationId) {
    Optional<HandshakeInfo> known = events.knownHandshakeInfo(stationId);
    if (known.isEmpty()) {
      return false;
    }
    String hash = known.get().passwordHash();
    // a mismatch may be a new password: the fresh lookup decides the 401
    return hash == null || credentialsMatch(request, stationId, hash);
  }

  private boolean refusedByAdmission(HttpServletRequest request, HttpServletResponse response, String stationId)
      throws IOException {
    Optional<Refusal> refusal = admission.tryAdmit(stationId);
    if (refusal.isEmpty()) {
      return false;
    }
    response.setHeader("Retry-After", Integer.toString(refusal.get().retryAfterSeconds()));
    long hold = refusal.get().holdMillis();
    if (hold < MIN_HOLD_MILLIS || !request.isAsyncSupported()) {
      refuse(response, 503, "overloaded", "Busy; retry later");
      return true;
    }
    AsyncContext held = request.startAsync();
    held.setTimeout(hold + HOLD_TIMEOUT_SLACK_MILLIS);
    try {
      holds.schedule(() -> answerHeld(held, response), hold, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      // no executor (the application stopping): answer now
      answerHeld(held, response);
    }
    return true;
  }

  private void answerHeld(AsyncContext held, HttpServletResponse response) {
    try {
      refuse(response, 503, "overloaded", "Busy; retry later");
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Held refusal not delivered: " + e);
    } finally {
      held.complete();
    }
  }

  private Optional<HandshakeInfo> lookup(String stationId) throws TimeoutException, ExecutionException {
    Optional<HandshakeInfo> found;
    try {
      found = events.handshakeInfo(stationId).get(LOOKUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (found.isEmpty() && stations.autoRegisters()) {
      return stations.forHandshake(stationId).map(s -> new HandshakeInfo(s.getPasswordHash(), s.isAccepted()));
    }
    return found;
  }

  private void refuse(HttpServletResponse response, int status, String outcome, String message) throws IOException {
    metrics.handshake(outcome);
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    // Bytes, not getWriter(): Liberty gives every writer its own encoder and buffers, ~12 KB per
    // refusal (JFR, crash scenario), and a crash's survivor refuses ~150 handshakes a second.
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Basic auth: user name must be the station id (security whitepaper A00.FR.204). */
  private static boolean credentialsMatch(HttpServletRequest request, String stationId, String hash) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    return colon > 0
        && decoded.substring(0, colon).equals(stationId)
        && PasswordHashes.matches(hash, decoded.substring(colon + 1));
  }

  /**
   * Decodes %XX escapes of a path segment. Unlike URLDecoder it leaves '+' alone: '+' is a
   * legal station id character, not a space. Returns null for malformed escapes.
   */
  static String percentDecode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          return null;
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write((hi << 4) | lo);
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
