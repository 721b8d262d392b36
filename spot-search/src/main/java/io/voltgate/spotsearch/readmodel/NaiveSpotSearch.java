package io.voltgate.spotsearch.readmodel;

import io.voltgate.sharedkernel.GeoPoint;
import io.voltgate.spotsearch.readmodel.Rows.ConnectorRow;
import io.voltgate.spotsearch.readmodel.Rows.SpotRow;
import io.voltgate.spotsearch.readmodel.Rows.StationRow;
import io.voltgate.spotsearch.readmodel.Rows.StatusRow;
import io.voltgate.spotsearch.search.ConnectorCounts;
import io.voltgate.spotsearch.search.IndexedSpot;
import io.voltgate.spotsearch.search.SearchArea;
import io.voltgate.spotsearch.search.SpotHit;
import io.voltgate.spotsearch.search.SpotQuery;
import io.voltgate.spotsearch.search.SpotSearch;
import io.voltgate.spotsearch.search.SpotSearchResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The design issue 4 measures the index against, as it is found in the field: not production
 * code. Selected with {@code voltgate.spot-search.strategy=naive}; never used otherwise.
 *
 * <p>It is correct (it applies the same rules through {@link ReadModel#assemble} and gives the
 * same answers as the index; {@code NaiveSpotSearchTest} checks that) but it does what STYLE
 * forbids spot-search to do: it reads charger-mgmt's status <em>history</em> at query time.
 * Per search: one indexed range query on {@code spot(lat, lng)} for the area's covering box;
 * then, in distance order, <em>one query per spot</em> joining its stations and connectors and
 * deriving each connector's latest status from {@code connector_status_history} (newest
 * {@code status_at}, arrival order breaking ties; CONTRACT §1) through the
 * {@code (station_id, connector_id, status_at)} index. It is not a strawman: it stops as soon
 * as {@code limit + 1} spots qualify, and without a filter it queries only the first
 * {@code limit} spots.
 */
@ApplicationScoped
@Typed(NaiveSpotSearch.class)
public class NaiveSpotSearch implements SpotSearch {

  private static final String SPOTS_IN_BOX =
      "SELECT spot_id, name, lat, lng, address, operator_name, updated_at, changed_at FROM spot"
          + " WHERE lat >= ? AND lat <= ? AND lng >= ? AND lng <= ?";

  // The latest status of each connector comes from the history: the newest row by charger
  // timestamp, the later arrival (higher id) on a tie. The index (station_id, connector_id,
  // status_at) serves the ORDER BY ... LIMIT 1 backwards.
  private static final String SPOT_CONNECTORS =
      "SELECT s.station_id, s.instance_id, s.last_seen, c.connector_id, c.connector_type, c.max_power_kw,"
          + " h.status, h.error_code, h.status_at, h.received_at"
          + " FROM station s"
          + " LEFT JOIN connector c ON c.station_id = s.station_id"
          + " LEFT JOIN connector_status_history h ON h.id = ("
          + "   SELECT h2.id FROM connector_status_history h2"
          + "   WHERE h2.station_id = c.station_id AND h2.connector_id = c.connector_id"
          + "   ORDER BY h2.status_at DESC, h2.id DESC LIMIT 1)"
          + " WHERE s.spot_id = ?";

  private static final Comparator<SpotHit> ORDER =
      Comparator.comparingDouble(SpotHit::distanceKm).thenComparing(h -> h.spot().spotId());

  @Resource(lookup = "jdbc/voltgate")
  DataSource dataSource;

  @Override
  public SpotSearchResult search(SpotQuery query, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      return search(c, query, now);
    } catch (SQLException e) {
      throw new IllegalStateException("naive spot search failed: " + e.getMessage(), e);
    }
  }

  private SpotSearchResult search(Connection c, SpotQuery query, Instant now) throws SQLException {
    SearchArea area = query.area();
    GeoPoint center = area.center();
    List<Candidate> candidates = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SPOTS_IN_BOX)) {
      for (double[] range : area.longitudeRanges()) {
        ps.setDouble(1, area.minLat());
        ps.setDouble(2, area.maxLat());
        ps.setDouble(3, range[0]);
        ps.setDouble(4, range[1]);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            SpotRow row = JdbcChangeFeed.spot(rs);
            GeoPoint p = new GeoPoint(row.lat(), row.lng());
            if (area.contains(p)) {
              candidates.add(new Candidate(row, center.distanceKm(p)));
            }
          }
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::distanceKm).thenComparing(k -> k.row().spotId()));
    boolean restrictive = query.availableOnly() || query.filter().isRestrictive();
    List<SpotHit> hits = new ArrayList<>();
    boolean truncated = false;
    try (PreparedStatement ps = c.prepareStatement(SPOT_CONNECTORS)) {
      for (int i = 0; i < candidates.size(); i++) {
        if (hits.size() == query.limit()) {
          // Without a filter every candidate qualifies; with one, look for one more.
          truncated = !restrictive || anyQualifies(ps, candidates.subList(i, candidates.size()), query, now);
          break;
        }
        SpotHit hit = hit(ps, candidates.get(i), query, now);
        if (hit != null) {
          hits.add(hit);
        }
      }
    }
    hits.sort(ORDER);
    return new SpotSearchResult(List.copyOf(hits), truncated);
  }

  private boolean anyQualifies(PreparedStatement ps, List<Candidate> rest, SpotQuery query, Instant now) throws SQLException {
    for (Candidate k : rest) {
      if (hit(ps, k, query, now) != null) {
        return true;
      }
    }
    return false;
  }

  /** One spot, read with its own query; null when the query's filters leave it out. */
  private SpotHit hit(PreparedStatement ps, Candidate k, SpotQuery query, Instant now) throws SQLException {
    IndexedSpot spot = load(ps, k.row());
    ConnectorCounts counts = spot.count(query.filter(), now);
    boolean wanted = query.availableOnly() ? counts.available() > 0 : !query.filter().isRestrictive() || counts.total() > 0;
    return wanted ? new SpotHit(spot, k.distanceKm(), counts) : null;
  }

  private static IndexedSpot load(PreparedStatement ps, SpotRow spot) throws SQLException {
    ps.setString(1, spot.spotId());
    Map<String, StationRow> stations = new LinkedHashMap<>();
    List<ConnectorRow> connectors = new ArrayList<>();
    List<StatusRow> statuses = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String stationId = rs.getString(1);
        stations.computeIfAbsent(stationId, id -> {
          try {
            return new StationRow(id, spot.spotId(), rs.getString(2) != null, instant(rs, 3), 0, null);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        int connectorId = rs.getInt(4);
        if (rs.wasNull()) {
          continue;
        }
        connectors.add(new ConnectorRow(stationId, connectorId, rs.getString(5), rs.getDouble(6), null));
        String status = rs.getString(7);
        if (status != null) {
          statuses.add(new StatusRow(stationId, connectorId, status, rs.getString(8), instant(rs, 9), instant(rs, 10), null));
        }
      }
    }
    return ReadModel.assemble(spot, List.copyOf(stations.values()), connectors, statuses);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  private record Candidate(SpotRow row, double distanceKm) {}
}
