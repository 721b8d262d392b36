package io.voltgate.liberty.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema migrations have been applied. */
@Startup
@ApplicationScoped
public class SchemaStartupCheck implements HealthCheck {

  @Inject SchemaMigration schema;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("schema").status(schema.isMigrated()).build();
  }
}
