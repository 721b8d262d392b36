package io.voltgate.liberty.schema;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the newest version at start-up. Flyway rather than JPA DDL
 * generation: the schema is reviewed SQL that evolves in numbered steps, the same on MySQL and
 * on the embedded H2 (MODE=MySQL). When the database is unreachable at start-up the migration is
 * retried by {@link #ensureMigrated()} from the readiness check, so an instance that started
 * before its database becomes ready once the database is there.
 */
@ApplicationScoped
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/voltgate")
  DataSource dataSource;

  private volatile boolean migrated;

  void onStart(@Observes @Priority(1000) Startup startup) {
    ensureMigrated();
  }

  /** Runs the pending migrations once; returns whether the schema is current. */
  public synchronized boolean ensureMigrated() {
    if (migrated) {
      return true;
    }
    try {
      MigrateResult result =
          Flyway.configure(getClass().getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              // Liberty's class loader hides the folder unless a marker file is found;
              // without this flag a missing folder silently applies nothing (LIBERTY-NOTES).
              .failOnMissingLocations(true)
              .callbackLocations(new String[0])
              .load()
              .migrate();
      LOG.info(
          () ->
              result.migrationsExecuted == 0
                  ? "Schema up to date (no migration to apply)"
                  : "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                      + " migrations applied now)");
      migrated = true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Schema migration failed; will retry: " + e.getMessage(), e);
    }
    return migrated;
  }

  public boolean isMigrated() {
    return migrated;
  }
}
