package io.voltgate.chargermgmt.cluster;

import io.voltgate.chargermgmt.ocpp.InstanceIdentity;
import io.voltgate.chargermgmt.session.OcppConnection;
import io.voltgate.chargermgmt.session.OutboundCalls;
import io.voltgate.chargermgmt.session.SessionRegistry;
import io.voltgate.chargermgmt.station.StationService;
import io.voltgate.chargermgmt.station.Takeover;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Newest connection wins across instances (CONTRACT §1). When a station reconnects to another
 * instance, that instance leaves a takeover note; this watcher reads the notes addressed to this
 * instance every {@code voltgate.cluster.takeover-poll-millis} and closes the older socket with
 * 1000 "replaced" — only if it is still the session the note names, never a newer one.
 */
@ApplicationScoped
public class TakeoverWatcher {

  private static final Logger LOG = Logger.getLogger(TakeoverWatcher.class.getName());

  @Inject
  @ConfigProperty(name = "voltgate.cluster.takeover-poll-millis", defaultValue = "500")
  long pollMillis;

  @Inject InstanceIdentity identity;
  @Inject StationService stations;
  @Inject SessionRegistry sessions;
  @Inject OutboundCalls outbound;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile long lastSeen = -1;
  private volatile long prunedAt;
  private ScheduledFuture<?> task;

  void onStart(@Observes Startup startup) {
    task = scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  void poll() {
    try {
      if (lastSeen < 0) {
        lastSeen = stations.lastTakeoverId(); // notes older than this life are about dead sockets
        return;
      }
      for (Takeover note : stations.takeoversFrom(identity.id(), lastSeen)) {
        lastSeen = note.id();
        Optional<OcppConnection> held = sessions.find(note.stationId());
        if (held.isPresent() && (note.token() == null || note.token().equals(held.get().token()))) {
          OcppConnection old = held.get();
          sessions.remove(old);
          outbound.onClosed(old);
          old.close(CloseCodes.NORMAL_CLOSURE, "replaced");
          LOG.fine(() -> "Closed " + note.stationId() + ": it reconnected to another instance");
        }
      }
      long now = System.currentTimeMillis();
      if (now - prunedAt > 60_000) {
        prunedAt = now;
        stations.pruneTakeovers(Instant.now().minusSeconds(600));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Takeover poll failed", e);
    }
  }
}
