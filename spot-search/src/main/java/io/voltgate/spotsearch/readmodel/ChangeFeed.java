package io.voltgate.spotsearch.readmodel;

import io.voltgate.spotsearch.readmodel.Rows.ConnectorRow;
import io.voltgate.spotsearch.readmodel.Rows.SpotRow;
import io.voltgate.spotsearch.readmodel.Rows.StationRow;
import io.voltgate.spotsearch.readmodel.Rows.StatusRow;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * What changed in the published tables since a marker. An interface so the refresher's
 * bookkeeping can be tested without a database; {@link JdbcChangeFeed} is the real one.
 */
interface ChangeFeed {

  /** Rows changed after the given markers; a null marker means every row of that table. */
  Changes changesSince(Marks since) throws SQLException;

  /** Every registered connector of these stations. */
  List<ConnectorRow> connectorsOf(Collection<String> stationIds) throws SQLException;

  /** One marker per table. */
  record Marks(LocalDateTime spots, LocalDateTime stations, LocalDateTime connectors, LocalDateTime statuses) {
    static final Marks ALL = new Marks(null, null, null, null);
  }

  /**
   * The rows, and the database's own clock (the one that stamps {@code changed_at}) read before
   * them; null when the feed cannot tell.
   */
  record Changes(
      List<SpotRow> spots, List<StationRow> stations, List<ConnectorRow> connectors, List<StatusRow> statuses, LocalDateTime readAt) {}
}
