package io.voltgate.chargermgmt.admission;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps part of the database pool for the REST API. Charger messages may use at most
 * {@code voltgate.admission.ocpp-db-concurrency} connections at once (default: the pool size
 * less 8); the rest waits here, on its WebSocket thread, instead of in the pool's queue where it
 * would starve operators and the app during a reconnect storm.
 */
@ApplicationScoped
public class DatabaseBulkhead {

  @Inject
  @ConfigProperty(name = "voltgate.db.pool.max", defaultValue = "40")
  int poolMax;

  @Inject
  @ConfigProperty(name = "voltgate.admission.ocpp-db-concurrency", defaultValue = "0")
  int configured;

  private Semaphore permits;

  @PostConstruct
  void init() {
    int size = configured > 0 ? configured : Math.max(1, poolMax - 8);
    permits = new Semaphore(size, true);
  }

  /** Runs {@code work} holding one permit; waits up to {@code timeoutSeconds} for it. */
  public <T> T call(Supplier<T> work, long timeoutSeconds) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the database", e);
    }
    if (!acquired) {
      throw new IllegalStateException("database busy: no permit within " + timeoutSeconds + " s");
    }
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }
}
