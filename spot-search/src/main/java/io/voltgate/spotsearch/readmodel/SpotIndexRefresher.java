package io.voltgate.spotsearch.readmodel;

import io.voltgate.spotsearch.search.IndexedSpotSearch;
import io.voltgate.spotsearch.search.SpotIndex;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Keeps this instance's spot index current: every {@code voltgate.spot-search.refresh-interval-ms}
 * it asks the database what changed (any instance's writes, since the markers live in the
 * shared tables) and publishes a new snapshot; every {@code full-refresh-seconds} it reloads
 * everything as a safety net. Polling rather than CDI events because events stay in one JVM
 * and two instances run during a migration (STYLE). One daemon thread, so the read model
 * needs no locks.
 */
@ApplicationScoped
public class SpotIndexRefresher {

  private static final Logger LOG = Logger.getLogger(SpotIndexRefresher.class.getName());

  @Inject IndexedSpotSearch search;
  @Inject JdbcChangeFeed feed;

  @Inject
  @ConfigProperty(name = "voltgate.spot-search.refresh-interval-ms", defaultValue = "250")
  long refreshIntervalMs;

  @Inject
  @ConfigProperty(name = "voltgate.spot-search.change-overlap-ms", defaultValue = "5000")
  long changeOverlapMs;

  @Inject
  @ConfigProperty(name = "voltgate.spot-search.full-refresh-seconds", defaultValue = "300")
  long fullRefreshSeconds;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private ScheduledThreadPoolExecutor timer;
  private ReadModel model;
  private volatile long lastFullLoadNanos;
  private volatile long lastSuccessNanos = System.nanoTime();
  private volatile boolean failing;

  @PostConstruct
  void registerGauges() {
    registry.gauge(
        Metadata.builder()
            .withName("voltgate.spot.index.age")
            .withDescription("Time since the spot index last caught up with the database")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        this,
        r -> (System.nanoTime() - r.lastSuccessNanos) / 1e9);
    registry.gauge(
        Metadata.builder().withName("voltgate.spot.index.spots").withDescription("Spots in this instance's index").build(),
        search,
        s -> s.current().size());
  }

  // After the schema migration (priority 1000) has run.
  void onStart(@Observes @Priority(2000) Startup startup) {
    timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "voltgate-spot-index");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::tick, 0, refreshIntervalMs, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** One poll; never throws, so the schedule keeps running while the database is away. */
  void tick() {
    try {
      boolean fullDue = model == null || System.nanoTime() - lastFullLoadNanos > TimeUnit.SECONDS.toNanos(fullRefreshSeconds);
      SpotIndex next;
      if (fullDue) {
        ReadModel fresh = ReadModel.load(feed, Duration.ofMillis(changeOverlapMs));
        if (search.isLoaded()) {
          fresh.continueFrom(search.current());
        }
        model = fresh;
        lastFullLoadNanos = System.nanoTime();
        next = fresh.index();
      } else {
        next = model.refresh(feed);
      }
      if (next != search.current() || !search.isLoaded()) {
        search.publish(next);
      }
      lastSuccessNanos = System.nanoTime();
      if (failing) {
        failing = false;
        LOG.info("Spot index refresh works again");
      }
    } catch (Exception e) {
      if (!failing) {
        failing = true;
        LOG.log(Level.WARNING, "Spot index refresh failed; retrying every " + refreshIntervalMs + " ms: " + e.getMessage(), e);
      }
      // A half-applied change must not linger: start over from a full load.
      model = null;
    }
  }
}
