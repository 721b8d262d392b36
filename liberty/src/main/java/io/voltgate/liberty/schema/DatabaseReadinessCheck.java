package io.voltgate.liberty.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers and the schema is current (CONTRACT §3). Probes arrive
 * every few seconds from every load balancer and kubelet, so one answer is reused for a second.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  static final String NAME = "database";
  private static final long CACHE_NANOS = 1_000_000_000L;
  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/voltgate")
  DataSource dataSource;

  @Inject SchemaMigration schema;

  private volatile HealthCheckResponse last;
  private volatile long lastAt;

  @Override
  public HealthCheckResponse call() {
    long now = System.nanoTime();
    HealthCheckResponse cached = last;
    if (cached != null && now - lastAt < CACHE_NANOS) {
      return cached;
    }
    HealthCheckResponse fresh = probe();
    last = fresh;
    lastAt = now;
    return fresh;
  }

  private HealthCheckResponse probe() {
    try (Connection c = dataSource.getConnection()) {
      if (!c.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return HealthCheckResponse.named(NAME).down().withData("error", "connection invalid").build();
      }
    } catch (SQLException e) {
      return HealthCheckResponse.named(NAME).down().withData("error", e.getMessage()).build();
    }
    if (!schema.ensureMigrated()) {
      return HealthCheckResponse.named(NAME).down().withData("error", "schema not migrated").build();
    }
    return HealthCheckResponse.up(NAME);
  }
}
