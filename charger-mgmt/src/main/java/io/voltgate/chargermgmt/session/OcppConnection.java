package io.voltgate.chargermgmt.session;

import io.voltgate.chargermgmt.ocpp.frame.OcppVersion;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * One charger's live WebSocket session and its per-session protocol state. Kept small: an
 * instance holds tens of thousands of these, so the outbound queue is allocated only when a
 * second CALL has to wait.
 */
public final class OcppConnection {

  private final String stationId;
  private final Session session;
  private final OcppVersion version;
  /** 64 random bits naming this session in the station's marker; a string only when written or compared. */
  private final long token;
  private volatile boolean accepted;
  private volatile long lastSeenWrittenAt;
  // The session marker's write while it is not committed yet; null afterwards (most of the session's life).
  private volatile CompletableFuture<Void> registering;

  // Guarded by this: the outbound CALL on the wire and those waiting behind it.
  OutboundCall inFlight;
  ArrayDeque<OutboundCall> waiting;

  public OcppConnection(String stationId, Session session, OcppVersion version, long token, boolean accepted) {
    this.stationId = stationId;
    this.session = session;
    this.version = version;
    this.token = token;
    this.accepted = accepted;
    this.lastSeenWrittenAt = System.nanoTime();
  }

  public String stationId() {
    return stationId;
  }

  public OcppVersion version() {
    return version;
  }

  /** The session token as stored ({@code session_token}): 16 hex digits. */
  public String token() {
    return HexFormat.of().toHexDigits(token);
  }

  public Session session() {
    return session;
  }

  /** Whether the station's boot has been accepted (stored per station, cached per session). */
  public boolean accepted() {
    return accepted;
  }

  public void accepted(boolean value) {
    this.accepted = value;
  }

  /**
   * Remembers the write of this session's marker ({@code instance_id}, {@code session_token}) until it
   * has committed, so that no answer leaves before the station is visibly connected.
   */
  public void registering(CompletableFuture<Void> write) {
    registering = write;
    write.whenComplete((v, e) -> registering = null);
  }

  /** The uncommitted session-marker write, or null once it has completed (either way). */
  public CompletableFuture<Void> registering() {
    return registering;
  }

  /**
   * True at most once per {@code intervalNanos}: presence ({@code last_seen}) is written
   * coalesced, not on every message.
   */
  public boolean presenceDue(long intervalNanos) {
    long now = System.nanoTime();
    if (now - lastSeenWrittenAt >= intervalNanos) {
      lastSeenWrittenAt = now;
      return true;
    }
    return false;
  }

  /** Sends one text frame; sends on one session are serialised (basic remote is not concurrent). */
  public void send(String text) throws IOException {
    synchronized (session) {
      session.getBasicRemote().sendText(text);
    }
  }

  public boolean isOpen() {
    return session.isOpen();
  }

  public void close(CloseReason.CloseCode code, String reason) {
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException | IllegalStateException e) {
      // already closing: nothing left to do
    }
  }
}
