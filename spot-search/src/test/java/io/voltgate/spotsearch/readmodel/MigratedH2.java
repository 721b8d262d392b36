package io.voltgate.spotsearch.readmodel;

import java.nio.file.Path;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 (MODE=MySQL) with the server's real migrations applied by Flyway, as the server applies them. */
final class MigratedH2 {

  private static final Path MIGRATIONS = Path.of("..", "liberty", "src", "main", "resources", "db", "migration");

  private MigratedH2() {}

  static JdbcDataSource create() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure().dataSource(ds).locations("filesystem:" + MIGRATIONS).load().migrate();
    return ds;
  }
}
