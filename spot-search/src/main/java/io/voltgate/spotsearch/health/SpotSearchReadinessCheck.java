package io.voltgate.spotsearch.health;

import io.voltgate.spotsearch.search.IndexedSpotSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the spot index has been loaded once: before that every search would answer
 * an empty map, which the app cannot tell from "no spots here".
 */
@Readiness
@ApplicationScoped
public class SpotSearchReadinessCheck implements HealthCheck {

  @Inject IndexedSpotSearch search;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("spot-search-index")
        .status(search.isLoaded())
        .withData("spots", search.current().size())
        .build();
  }
}
