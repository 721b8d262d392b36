package io.voltgate.chargermgmt.station;

import io.voltgate.chargermgmt.groupcommit.Batcher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "voltgate.ocpp.write-batch-max", defaultValue = "256")
  int maxBatch;

  private Batcher<StationEvent, Boolean> writes;
  private Batcher<String, Optional<HandshakeInfo>> lookups;

  @PostConstruct
  void start() {
    writes = new Batcher<>("station-writes", Math.max(1, maxBatch), 100_000, store::write, threads);
    lookups = new Batcher<>("station-lookups", 200, 20_000, this::lookup, threads);
  }

  @PreDestroy
  void stop() {
    lookups.close(5_000);
    writes.close(10_000);
  }

  private List<Optional<HandshakeInfo>> lookup(List<String> stationIds) throws Exception {
    Map<String, HandshakeInfo> found = store.handshakeInfo(stationIds);
    return stationIds.stream().map(id -> Optional.ofNullable(found.get(id))).toList();
  }

  /**
   * Writes {@code event} with whatever else is waiting; completes after the commit. A boot of a
   * station that is not registered fails and writes nothing.
   */
  public CompletableFuture<Void> record(StationEvent event) {
    return writes.submit(event).thenApply(applied -> {
      if (!applied && event instanceof StationEvent.Booted) {
        throw new CompletionException(new IllegalStateException("unknown station " + event.stationId()));
      }
      return null;
    });
  }

  /** The station's handshake facts, read together with other handshakes' (empty: not registered). */
  public CompletableFuture<Optional<HandshakeInfo>> handshakeInfo(String stationId) {
    return lookups.submit(stationId);
  }

  /** Events waiting to be written (a gauge for storms). */
  public int waiting() {
    return writes.waiting();
  }

  /** Tells {@code observer} how long each group of writes took to commit. */
  public void observeWrites(Batcher.Observer observer) {
    writes.observe(observer);
  }
}
