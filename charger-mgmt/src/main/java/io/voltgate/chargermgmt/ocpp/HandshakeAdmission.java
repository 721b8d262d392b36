package io.voltgate.chargermgmt.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whether a handshake may proceed now. While the instance is draining every handshake is told
 * to come back later (503 with a jittered Retry-After, CONTRACT §1/§3), so chargers go to the
 * successor instead. The token bucket for crash storms builds on this (issue 5).
 */
@ApplicationScoped
public class HandshakeAdmission {

  private volatile boolean draining;

  /** Empty when admitted; otherwise the Retry-After seconds to send with a 503. */
  public OptionalInt tryAdmit() {
    if (draining) {
      return OptionalInt.of(5 + ThreadLocalRandom.current().nextInt(11));
    }
    return OptionalInt.empty();
  }

  public void startDraining() {
    draining = true;
  }

  public boolean draining() {
    return draining;
  }
}
