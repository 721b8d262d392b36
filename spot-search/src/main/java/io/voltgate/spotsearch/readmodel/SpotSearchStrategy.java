package io.voltgate.spotsearch.readmodel;

import io.voltgate.spotsearch.search.IndexedSpotSearch;
import io.voltgate.spotsearch.search.SpotSearch;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the {@link SpotSearch} the REST layer uses: {@code voltgate.spot-search.strategy}
 * {@code indexed} (the default, the per-instance index) or {@code naive} (statuses derived from
 * the history at query time, {@link NaiveSpotSearch}). The naive one exists so that the
 * benchmark of issue 4 runs both designs from the same server binary on the same data; the
 * index keeps refreshing either way, so readiness means the same on both.
 */
@ApplicationScoped
public class SpotSearchStrategy {

  private static final Logger LOG = Logger.getLogger(SpotSearchStrategy.class.getName());

  @Inject IndexedSpotSearch indexed;
  @Inject NaiveSpotSearch naive;

  @Inject
  @ConfigProperty(name = "voltgate.spot-search.strategy", defaultValue = "indexed")
  String strategy;

  @Produces
  SpotSearch selected() {
    return switch (strategy.trim().toLowerCase(Locale.ROOT)) {
      case "indexed" -> indexed;
      case "naive" -> naive;
      default -> throw new IllegalArgumentException(
          "voltgate.spot-search.strategy must be indexed or naive, not '" + strategy + "'");
    };
  }

  // Fails the start-up on a misspelt strategy instead of the first search.
  void onStart(@Observes @Priority(2100) Startup startup) {
    SpotSearch chosen = selected();
    if (chosen != indexed) {
      LOG.warning("Spot search strategy: " + strategy + " (benchmark baseline, reads the status history per spot)");
    }
  }
}
