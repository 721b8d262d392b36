package io.voltgate.chargermgmt.cluster;

import io.voltgate.chargermgmt.admission.HandshakeAdmission;
import io.voltgate.chargermgmt.ocpp.InstanceIdentity;
import io.voltgate.chargermgmt.session.SessionRegistry;
import io.voltgate.chargermgmt.station.StationService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's place among those sharing the database. Every {@code heartbeat} seconds it
 * writes its row (ready, draining, sessions held) and reads the others'. A row silent for
 * {@code voltgate.cluster.dead-after-seconds} belongs to an instance that died without draining:
 * the survivors clear the station ownership it left (so commands answer 409 instead of being
 * forwarded into the void) and delete the row.
 */
@ApplicationScoped
public class InstanceRegistry {

  private static final Logger LOG = Logger.getLogger(InstanceRegistry.class.getName());

  @Inject
  @ConfigProperty(name = "voltgate.cluster.heartbeat-seconds", defaultValue = "2")
  int heartbeatSeconds;

  @Inject
  @ConfigProperty(name = "voltgate.cluster.dead-after-seconds", defaultValue = "15")
  int deadAfterSeconds;

  @Inject
  @ConfigProperty(name = "voltgate.instance.url")
  Optional<String> configuredUrl;

  @Inject
  @ConfigProperty(name = "default.http.port", defaultValue = "9080")
  int httpPort;

  @Inject InstanceIdentity identity;
  @Inject InstanceDirectory directory;
  @Inject SessionRegistry sessions;
  @Inject HandshakeAdmission admission;
  @Inject StationService stations;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Instant startedAt = Instant.now();
  private volatile List<InstanceStatus> view = List.of();
  private ScheduledFuture<?> task;

  void onStart(@Observes Startup startup) {
    task = scheduler.scheduleWithFixedDelay(this::tick, 0, heartbeatSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
    try {
      directory.remove(identity.id());
    } catch (RuntimeException e) {
      LOG.fine(() -> "Could not remove this instance's row: " + e);
    }
  }

  /** One heartbeat: write our row, read everyone's, bury the dead. Public for tests and the migrator. */
  public void tick() {
    Instant now = Instant.now();
    try {
      directory.heartbeat(new InstanceStatus(
          identity.id(), baseUrl(), startedAt, now, !admission.draining(), admission.draining(), sessions.size()));
      List<InstanceStatus> all = directory.all();
      view = all;
      for (InstanceStatus other : all) {
        if (!other.instanceId().equals(identity.id())
            && other.heartbeatAt().isBefore(now.minusSeconds(deadAfterSeconds))) {
          bury(other, now);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Heartbeat failed", e);
    }
  }

  private void bury(InstanceStatus dead, Instant now) {
    int cleared = stations.forgetSessionsOf(dead.instanceId());
    if (directory.removeIfSilentSince(dead.instanceId(), now.minusSeconds(deadAfterSeconds))) {
      LOG.warning("Instance " + dead.instanceId() + " stopped heartbeating at " + dead.heartbeatAt()
          + "; cleared its ownership of " + cleared + " stations");
    }
  }

  /** Whether another instance is ready to take chargers (as of the last heartbeat). */
  public boolean successorReady() {
    Instant now = Instant.now();
    long fresh = Math.max(3L * heartbeatSeconds, 5);
    return view.stream()
        .anyMatch(i -> !i.instanceId().equals(identity.id()) && i.liveAndReady(now, fresh));
  }

  public Optional<InstanceStatus> find(String instanceId) {
    return view.stream().filter(i -> i.instanceId().equals(instanceId)).findFirst();
  }

  public String baseUrl() {
    return configuredUrl.filter(s -> !s.isBlank()).orElseGet(() -> "http://" + identity.id() + ":" + httpPort);
  }
}
