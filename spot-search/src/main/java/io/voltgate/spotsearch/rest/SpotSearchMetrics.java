package io.voltgate.spotsearch.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The search-latency histogram {@code voltgate_spot_search_seconds} (CONTRACT §3), the SLO's
 * measure: time from the request reaching the resource to the result being ready, for every
 * valid search. Percentiles and buckets are configured in microprofile-config.properties. And
 * {@code voltgate_spot_search_cache_total{result="hit"|"revised"|"miss"}}: how many searches the
 * response cache answered as they were, revised, or not at all.
 */
@ApplicationScoped
public class SpotSearchMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private Timer timer;
  private Counter hits;
  private Counter revised;
  private Counter misses;

  @PostConstruct
  void register() {
    timer = registry.timer(
        Metadata.builder()
            .withName("voltgate.spot.search")
            .withDescription("Time to answer one spot search (GET /api/v1/spots)")
            .withUnit(MetricUnits.SECONDS)
            .build());
    Metadata cache = Metadata.builder()
        .withName("voltgate.spot.search.cache")
        .withDescription("Spot searches answered from the response cache as cached (hit), revised, or computed (miss)")
        .build();
    hits = registry.counter(cache, new Tag("result", "hit"));
    revised = registry.counter(cache, new Tag("result", "revised"));
    misses = registry.counter(cache, new Tag("result", "miss"));
  }

  /** Registers the histogram at start-up, so it is scraped before the first search. */
  void onStart(@Observes Startup startup) {
    timer.getCount();
  }

  void record(long nanos, SearchResponseCache.Source source) {
    timer.update(Duration.ofNanos(nanos));
    switch (source) {
      case CACHED -> hits.inc();
      case REVISED -> revised.inc();
      case COMPUTED -> misses.inc();
    }
  }
}
