package io.voltgate.chargermgmt.ocpp;

import io.voltgate.chargermgmt.admission.BootThrottle;
import io.voltgate.chargermgmt.admission.HandshakeAdmission;
import io.voltgate.chargermgmt.groupcommit.Batcher;
import io.voltgate.chargermgmt.migration.SessionMigrator;
import io.voltgate.chargermgmt.session.SessionRegistry;
import io.voltgate.chargermgmt.station.StationEvents;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The OCPP metrics of CONTRACT §3: sessions now, handshakes by outcome, messages by action and
 * outcome, and the handling-latency histogram (percentiles and buckets are configured in
 * microprofile-config.properties). Metric objects are looked up once and cached.
 */
@ApplicationScoped
public class OcppMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject SessionRegistry sessions;
  @Inject SessionMigrator migrator;
  @Inject HandshakeAdmission admission;
  @Inject BootThrottle boots;
  @Inject StationEvents events;

  private final ConcurrentHashMap<String, Counter> handshakes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter> messages = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
  private Timer answerLag;

  @PostConstruct
  void register() {
    registry.gauge(
        Metadata.builder().withName("voltgate.ocpp.sessions").withDescription("OCPP sessions connected to this instance").build(),
        sessions,
        SessionRegistry::size);
    registry.gauge(
        Metadata.builder().withName("voltgate.migration.remaining").withDescription("Sessions the running migration has yet to move (0 when idle)").build(),
        migrator,
        SessionMigrator::remaining);
    registry.gauge(
        Metadata.builder().withName("voltgate.admission.waiting").withDescription("Refused stations holding an appointment to reconnect").build(),
        admission,
        HandshakeAdmission::waiting);
    registry.gauge(
        Metadata.builder().withName("voltgate.admission.boots.pending").withDescription("Stations answered BootNotification Pending and not yet re-triggered").build(),
        boots,
        BootThrottle::pendingCount);
    registry.gauge(
        Metadata.builder().withName("voltgate.ocpp.writes.waiting").withDescription("Charger writes (boots, statuses, session markers) queued for the next group commit").build(),
        events,
        StationEvents::waiting);
    Timer batches =
        registry.timer(
            Metadata.builder()
                .withName("voltgate.ocpp.write.batch")
                .withDescription("Time to commit one group of charger writes: the database time every grouped CALL waits for")
                .withUnit(MetricUnits.SECONDS)
                .build());
    Timer queued =
        registry.timer(
            Metadata.builder()
                .withName("voltgate.ocpp.write.queued")
                .withDescription("How long each charger write waited for its group commit to start (the writer behind, or starved of CPU)")
                .withUnit(MetricUnits.SECONDS)
                .build());
    answerLag =
        registry.timer(
            Metadata.builder()
                .withName("voltgate.ocpp.answer.lag")
                .withDescription("From a grouped CALL's commit to its answer's sending starting (the answer threads busy or starved)")
                .withUnit(MetricUnits.SECONDS)
                .build());
    Counter failed =
        registry.counter(
            Metadata.builder().withName("voltgate.ocpp.write.batch.failed").withDescription("Groups of charger writes that failed and were retried one by one").build());
    Counter written =
        registry.counter(
            Metadata.builder().withName("voltgate.ocpp.writes").withDescription("Charger writes committed in groups (divide by the batch count for the mean group size)").build());
    events.observeWrites(
        new Batcher.Observer() {
          @Override
          public void written(int items, long nanos, boolean error) {
            batches.update(Duration.ofNanos(nanos));
            if (error) {
              failed.inc();
            } else {
              written.inc(items);
            }
          }

          @Override
          public void queued(long nanos) {
            queued.update(Duration.ofNanos(nanos));
          }
        });
  }

  /** Gauges appear only once their bean exists (LIBERTY-NOTES gotcha 5). */
  void onStart(@Observes Startup startup) {
    handshakes.size();
  }

  public void answerLag(long nanos) {
    answerLag.update(Duration.ofNanos(nanos));
  }

  public void handshake(String outcome) {
    handshakes
        .computeIfAbsent(
            outcome,
            o ->
                registry.counter(
                    Metadata.builder().withName("voltgate.ocpp.handshakes").withDescription("WebSocket handshakes by outcome").build(),
                    new Tag("outcome", o)))
        .inc();
  }

  public void message(String action, String outcome, long nanos) {
    String key = action + '\u0000' + outcome;
    messages
        .computeIfAbsent(
            key,
            k ->
                registry.counter(
                    Metadata.builder().withName("voltgate.ocpp.messages").withDescription("OCPP CALLs received, by action and outcome").build(),
                    new Tag("action", action),
                    new Tag("outcome", outcome)))
        .inc();
    timers
        .computeIfAbsent(
            action,
            a ->
                registry.timer(
                    Metadata.builder()
                        .withName("voltgate.ocpp.message")
                        .withDescription("Time to handle one OCPP CALL, receipt to answer sent")
                        .withUnit(MetricUnits.SECONDS)
                        .build(),
                    new Tag("action", a)))
        .update(Duration.ofNanos(nanos));
  }
}
