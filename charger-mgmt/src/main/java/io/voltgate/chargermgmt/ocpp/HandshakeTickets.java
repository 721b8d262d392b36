package io.voltgate.chargermgmt.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands what the handshake filter read about a station to the endpoint's {@code @OnOpen}, so a
 * connection costs one database read, not two. The WebSocket configurator cannot see servlet
 * request attributes, hence this short-lived map; a missing ticket just means a second read.
 */
@ApplicationScoped
public class HandshakeTickets {

  /** What the filter learnt: whether the station's boot is accepted. */
  public record Ticket(boolean accepted, long createdNanos) {}

  private static final long TTL_NANOS = 60_000_000_000L;
  private final ConcurrentHashMap<String, Ticket> tickets = new ConcurrentHashMap<>();

  void put(String stationId, boolean accepted) {
    tickets.put(stationId, new Ticket(accepted, System.nanoTime()));
    if (tickets.size() > 10_000) {
      long now = System.nanoTime();
      tickets.values().removeIf(t -> now - t.createdNanos() > TTL_NANOS);
    }
  }

  Ticket take(String stationId) {
    Ticket t = tickets.remove(stationId);
    return t != null && System.nanoTime() - t.createdNanos() < TTL_NANOS ? t : null;
  }
}
