package io.voltgate.chargermgmt.station;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.voltgate.chargermgmt.groupcommit.Batcher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The charger message path's writes and the handshake's reads, grouped ({@link Batcher}): under
 * a reconnect storm thousands of chargers connect, boot and report their connectors within
 * seconds, and a transaction per message made the database (and the pool in front of it) the
 * bottleneck — StatusNotification stalled at about 430/s on H2 and every handshake paid two
 * transactions. Grouped, one transaction carries everything that arrived meanwhile, and each
 * message is still answered only after its own write was committed.
 */
@ApplicationScoped
public class StationEvents {

  @Inject StationEventStore store;

  private static final Logger LOG = Logger.getLogger(StationEvents.class.getName());
  /** Stations held in {@link #knownHandshakeInfo} at most (about 250 bytes each). */
  private static final int KNOWN_MAX = 200_000;

  @Resource ManagedThreadFactory threads;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "voltgate.ocpp.write-batch-max", defaultValue = "256")
  int maxBatch;

  /**
   * How often the whole station list is read into {@link #knownHandshakeInfo} (0: not at all,
   * and handshakes are never refused from memory). Entries live three periods, so a failed reload
   * or two changes nothing; lookups and local registrations keep them fresh in between.
   */
  @Inject
  @ConfigProperty(name = "voltgate.admission.known-stations-reload-seconds", defaultValue = "300")
  int knownStationsReloadSeconds;

  /**
   * Group-commit writers, each with its own connection and transactions. A station's events
   * always go to the same writer (by its id), so they are written in the order they happened, and
   * no two writers ever touch the same station's rows; meanwhile one slow commit (an fsync, a lock
   * wait: batch p99 0.1-0.4 s under a boot storm on MariaDB) holds up only its share of stations.
   */
  @Inject
  @ConfigProperty(name = "voltgate.ocpp.write-workers", defaultValue = "2")
  int writeWorkers;

  private List<Batcher<StationEvent, Boolean>> writes;
  private Batcher<String, Optional<HandshakeInfo>> lookups;
  private Cache<String, HandshakeInfo> known;
  private ScheduledFuture<?> reloads;

  @PostConstruct
  void start() {
    known = Caffeine.newBuilder()
        .maximumSize(KNOWN_MAX)
        .expireAfterWrite(Duration.ofSeconds(3L * Math.max(0, knownStationsReloadSeconds)))
        .build();
    int workers = Math.max(1, writeWorkers);
    List<Batcher<StationEvent, Boolean>> w = new ArrayList<>(workers);
    for (int i = 0; i < workers; i++) {
      w.add(new Batcher<>("station-writes-" + i, Math.max(1, maxBatch), 100_000 / workers + 1, store::write, threads));
    }
    writes = List.copyOf(w);
    lookups = new Batcher<>("station-lookups", 200, 20_000, this::lookup, threads);
  }

  void onStart(@Observes Startup startup) {
    if (knownStationsReloadSeconds > 0) {
      reloads = scheduler.scheduleWithFixedDelay(
          this::reloadKnown, 0, knownStationsReloadSeconds, TimeUnit.SECONDS);
    }
  }

  /** Reads every station's handshake facts into memory: one query, tens of milliseconds at 30,000. */
  void reloadKnown() {
    long started = System.nanoTime();
    int[] count = {0};
    try {
      store.allHandshakeInfo((id, info) -> {
        known.put(id, info);
        count[0]++;
      });
      LOG.fine(() -> "Read " + count[0] + " stations in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Could not read the station list for handshakes (kept the last one): " + e);
    }
  }

  @PreDestroy
  void stop() {
    if (reloads != null) {
      reloads.cancel(false);
    }
    lookups.close(5_000);
    writes.forEach(w -> w.close(10_000));
  }

  private List<Optional<HandshakeInfo>> lookup(List<String> stationIds) throws Exception {
    Map<String, HandshakeInfo> found = store.handshakeInfo(stationIds);
    known.putAll(found);
    return stationIds.stream().map(id -> Optional.ofNullable(found.get(id))).toList();
  }

  /**
   * Writes {@code event} with whatever else is waiting; completes after the commit. A boot of a
   * station that is not registered fails and writes nothing.
   */
  public CompletableFuture<Void> record(StationEvent event) {
    return writerOf(event.stationId()).submit(event).thenApply(applied -> {
      if (!applied && event instanceof StationEvent.Booted) {
        throw new CompletionException(new IllegalStateException("unknown station " + event.stationId()));
      }
      return null;
    });
  }

  private Batcher<StationEvent, Boolean> writerOf(String stationId) {
    return writes.get(Math.floorMod(stationId.hashCode(), writes.size()));
  }

  /** The station's handshake facts, read together with other handshakes' (empty: not registered). */
  public CompletableFuture<Optional<HandshakeInfo>> handshakeInfo(String stationId) {
    return lookups.submit(stationId);
  }

  /**
   * The station's handshake facts as this instance last read them: from the periodic reload of
   * every station ({@code voltgate.admission.known-stations-reload-seconds}), a handshake's lookup
   * or a registration here. After a crash every charger of the dead instance asks the survivor at
   * once, most are refused (503 with an appointment), and each refusal used to hold a request
   * thread for a database read. These facts may be a few minutes old (a password changed on
   * another instance): use them only to refuse, never to admit.
   */
  public Optional<HandshakeInfo> knownHandshakeInfo(String stationId) {
    return Optional.ofNullable(known.getIfPresent(stationId));
  }

  /** Drops what {@link #knownHandshakeInfo} holds of a station whose registration changes. */
  public void forget(String stationId) {
    known.invalidate(stationId);
  }

  /** Events waiting to be written (a gauge for storms). */
  public int waiting() {
    return writes.stream().mapToInt(Batcher::waiting).sum();
  }

  /** Tells {@code observer} how long each group of writes took to commit. */
  public void observeWrites(Batcher.Observer observer) {
    writes.forEach(w -> w.observe(observer));
  }
}
