package io.voltgate.chargermgmt.admission;

import io.voltgate.chargermgmt.session.SessionRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a handshake may proceed now (CONTRACT §1 "Overload", §3). While the instance drains,
 * every handshake is sent away with a jittered Retry-After, so chargers reconnect to the
 * successor. Otherwise a {@link HandshakeCalendar} admits {@code voltgate.admission.handshakes-per-second}
 * (after a burst) and gives each refused station an appointment: the storm after a crash is
 * absorbed at a steady rate instead of in waves of synchronised retries. An instance holding
 * {@code voltgate.admission.max-sessions} refuses further handshakes outright.
 */
@ApplicationScoped
public class HandshakeAdmission {

  @Inject
  @ConfigProperty(name = "voltgate.admission.handshakes-per-second", defaultValue = "400")
  double ratePerSecond;

  @Inject
  @ConfigProperty(name = "voltgate.admission.handshake-burst", defaultValue = "400")
  int burst;

  @Inject
  @ConfigProperty(name = "voltgate.admission.max-retry-after-seconds", defaultValue = "300")
  int maxRetryAfterSeconds;

  /**
   * Sessions this instance holds at most. Every socket is a file: measured on this machine, a
   * server at its 20,000 open-file limit stopped answering handshakes altogether (accepted by the
   * kernel, never upgraded) instead of refusing them. Below the limit, with room for the
   * server's own ~150 files and the database pool, a plain 503 sends chargers elsewhere.
   */
  @Inject
  @ConfigProperty(name = "voltgate.admission.max-sessions", defaultValue = "19000")
  int maxSessions;

  @Inject SessionRegistry sessions;

  private HandshakeCalendar calendar;
  private volatile boolean draining;

  @PostConstruct
  void init() {
    calendar = new HandshakeCalendar(ratePerSecond, burst, maxRetryAfterSeconds, System.nanoTime());
  }

  /** Empty when admitted; otherwise the 503's Retry-After and how long to hold it ({@link Refusal}). */
  public Optional<Refusal> tryAdmit(String stationId) {
    if (draining) {
      return Optional.of(Refusal.now(5 + ThreadLocalRandom.current().nextInt(11)));
    }
    if (sessions.size() >= maxSessions) {
      return Optional.of(Refusal.now(30 + ThreadLocalRandom.current().nextInt(31)));
    }
    long wait;
    synchronized (calendar) {
      wait = calendar.appointment(stationId, System.nanoTime());
    }
    return wait == 0 ? Optional.empty() : Optional.of(Refusal.forWait(wait));
  }

  /** Stations holding an appointment to come back. */
  public int waiting() {
    synchronized (calendar) {
      return calendar.waiting();
    }
  }

  public void startDraining() {
    draining = true;
  }

  public void stopDraining() {
    draining = false;
  }

  public boolean draining() {
    return draining;
  }
}
