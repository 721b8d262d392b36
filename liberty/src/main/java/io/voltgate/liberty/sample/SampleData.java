package io.voltgate.liberty.sample;

import io.voltgate.liberty.schema.SchemaMigration;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code voltgate.sample-data=true} (the README's start command sets it), a few spots in
 * Tokyo and Osaka with stations and connectors exist after start-up, so a newcomer has
 * something to look at and chargers to connect as. Existing rows are left alone.
 */
@ApplicationScoped
public class SampleData {

  private static final Logger LOG = Logger.getLogger(SampleData.class.getName());

  @Inject
  @ConfigProperty(name = "voltgate.sample-data", defaultValue = "false")
  boolean enabled;

  @Inject SchemaMigration schema;

  @Resource(lookup = "jdbc/voltgate")
  DataSource dataSource;

  // After the schema migration (default priority) has run.
  void onStart(@Observes @Priority(3000) Startup startup) {
    if (!enabled || !schema.ensureMigrated()) {
      return;
    }
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    try (Connection c = dataSource.getConnection()) {
      spot(c, "tokyo-station", "Tokyo Station Yaesu", 35.6812, 139.7671, "1-9-1 Marunouchi, Chiyoda", now);
      spot(c, "shinjuku-south", "Shinjuku South Parking", 35.6875, 139.7003, "3-38 Shinjuku", now);
      spot(c, "umeda-north", "Umeda North Hub", 34.7055, 135.4983, "3-1 Ofukacho, Kita, Osaka", now);
      station(c, "DEMO-001", "tokyo-station", now);
      station(c, "DEMO-002", "tokyo-station", now);
      station(c, "DEMO-003", "shinjuku-south", now);
      station(c, "DEMO-004", "umeda-north", now);
      connector(c, "DEMO-001", 1, "CHAdeMO", 50);
      connector(c, "DEMO-001", 2, "CCS2", 90);
      connector(c, "DEMO-002", 1, "Type2", 6);
      connector(c, "DEMO-003", 1, "CCS2", 150);
      connector(c, "DEMO-003", 2, "NACS", 150);
      connector(c, "DEMO-004", 1, "CHAdeMO", 50);
      LOG.info("Sample data present: 3 spots, stations DEMO-001..DEMO-004 (no password)");
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not load sample data: " + e.getMessage(), e);
    }
  }

  private static void spot(Connection c, String id, String name, double lat, double lng, String address, LocalDateTime now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT IGNORE INTO spot (spot_id, name, lat, lng, address, operator_name, updated_at) VALUES (?,?,?,?,?,?,?)")) {
      ps.setString(1, id);
      ps.setString(2, name);
      ps.setDouble(3, lat);
      ps.setDouble(4, lng);
      ps.setString(5, address);
      ps.setString(6, "Voltgate Demo");
      ps.setObject(7, now);
      ps.executeUpdate();
    }
  }

  private static void station(Connection c, String id, String spotId, LocalDateTime now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT IGNORE INTO station (station_id, spot_id, created_at) VALUES (?,?,?)")) {
      ps.setString(1, id);
      ps.setString(2, spotId);
      ps.setObject(3, now);
      ps.executeUpdate();
    }
  }

  private static void connector(Connection c, String stationId, int connectorId, String type, double kw) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT IGNORE INTO connector (station_id, connector_id, connector_type, max_power_kw) VALUES (?,?,?,?)")) {
      ps.setString(1, stationId);
      ps.setInt(2, connectorId);
      ps.setString(3, type);
      ps.setDouble(4, kw);
      ps.executeUpdate();
    }
  }
}
