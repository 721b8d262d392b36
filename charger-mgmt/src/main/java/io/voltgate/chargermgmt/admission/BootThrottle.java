package io.voltgate.chargermgmt.admission;

import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Action;
import io.voltgate.chargermgmt.session.OutboundCalls;
import io.voltgate.chargermgmt.session.SessionRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A cap on concurrent BootNotification work (CONTRACT §1 "Overload"). A boot that finds no room
 * is answered Pending with a jittered interval — OCPP's own throttle — and the station is
 * remembered; when room frees up it is asked to boot again with TriggerMessage, sooner than its
 * interval would bring it back.
 */
@ApplicationScoped
public class BootThrottle {

  private static final Logger LOG = Logger.getLogger(BootThrottle.class.getName());

  @Inject
  @ConfigProperty(name = "voltgate.admission.max-concurrent-boots", defaultValue = "256")
  int maxConcurrentBoots;

  @Inject
  @ConfigProperty(name = "voltgate.admission.boot-pending-interval-seconds", defaultValue = "30")
  int pendingIntervalSeconds;

  @Inject SessionRegistry sessions;
  @Inject OutboundCalls outbound;

  private Semaphore permits;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;

  @PostConstruct
  void init() {
    permits = new Semaphore(Math.max(1, maxConcurrentBoots));
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "voltgate-boot-trigger");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::triggerPending, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }

  /** True when the boot may be handled now; the caller must then {@link #exit} in a finally. */
  public boolean tryEnter(String stationId) {
    if (permits.tryAcquire()) {
      pending.remove(stationId);
      return true;
    }
    pending.add(stationId);
    return false;
  }

  public void exit() {
    permits.release();
  }

  /** The Pending interval: the configured one ±50 %, so Pending stations do not return together. */
  public int pendingInterval() {
    int base = Math.max(2, pendingIntervalSeconds);
    return base / 2 + ThreadLocalRandom.current().nextInt(base + 1);
  }

  public int pendingCount() {
    return pending.size();
  }

  /** Asks waiting stations to boot again, as many as there is room for now. */
  void triggerPending() {
    try {
      int room = permits.availablePermits() / 2;
      for (Iterator<String> it = pending.iterator(); it.hasNext() && room > 0; ) {
        String stationId = it.next();
        it.remove();
        sessions.find(stationId).ifPresent(connection -> {
          outbound.call(connection, Ocpp16Action.TriggerMessage,
              JsonNodeFactory.instance.objectNode().put("requestedMessage", "BootNotification"));
        });
        room--;
      }
    } catch (RuntimeException e) {
      LOG.warning("Could not trigger pending boots: " + e);
    }
  }
}
