package io.voltgate.spotsearch.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The search-latency histogram {@code voltgate_spot_search_seconds} (CONTRACT §3), the SLO's
 * measure: time from the request reaching the resource to the result being ready, for every
 * valid search. Percentiles and buckets are configured in microprofile-config.properties.
 */
@ApplicationScoped
public class SpotSearchMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private Timer timer;

  @PostConstruct
  void register() {
    timer = registry.timer(
        Metadata.builder()
            .withName("voltgate.spot.search")
            .withDescription("Time to answer one spot search (GET /api/v1/spots)")
            .withUnit(MetricUnits.SECONDS)
            .build());
  }

  /** Registers the histogram at start-up, so it is scraped before the first search. */
  void onStart(@Observes Startup startup) {
    timer.getCount();
  }

  void record(long nanos) {
    timer.update(Duration.ofNanos(nanos));
  }
}
