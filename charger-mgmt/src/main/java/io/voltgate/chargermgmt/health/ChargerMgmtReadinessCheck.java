package io.voltgate.chargermgmt.health;

import io.voltgate.chargermgmt.migration.SessionMigrator;
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

  @Override
  public HealthCheckResponse call() {
    if (migrator.draining()) {
      return HealthCheckResponse.named("sessions")
          .down()
          .withData("migration", migrator.status().state())
          .withData("remaining", migrator.remaining())
          .build();
    }
    return HealthCheckResponse.up("sessions");
  }
}
