package io.voltgate.chargermgmt.health;

import io.voltgate.chargermgmt.migration.SessionMigrator;
import io.voltgate.chargermgmt.session.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready is DOWN from the moment the instance starts draining (CONTRACT §3). */
@Readiness
@ApplicationScoped
public class ChargerMgmtReadinessCheck implements HealthCheck {

  @Inject SessionMigrator migrator;
  @Inject SessionRegistry sessions;

  @Override
  public HealthCheckResponse call() {
    if (migrator.draining()) {
      return HealthCheckResponse.named("sessions")
          .down()
          .withData("migration", migrator.status().state())
          .withData("remaining", migrator.remaining())
          .withData("held", sessions.size())
          .build();
    }
    // The count is what a load balancer or test harness watching readiness wants to see, and
    // it costs nothing, unlike scraping /metrics.
    return HealthCheckResponse.named("sessions").up().withData("held", sessions.size()).build();
  }
}
