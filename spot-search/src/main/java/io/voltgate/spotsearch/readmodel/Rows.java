package io.voltgate.spotsearch.readmodel;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The rows spot-search reads from the published tables, exactly as stored. {@code changedAt}
 * is the database-maintained change marker (V2 migration); two reads of a row are the same
 * change only if the whole row is equal, because two updates can share a millisecond.
 */
final class Rows {

  private Rows() {}

  /** {@code spot}: spot-search's own table. */
  record SpotRow(String spotId, String name, double lat, double lng, String address, String operator, Instant updatedAt, LocalDateTime changedAt) {}

  /**
   * {@code station}: which spot it belongs to, whether it is connected or was heard from, and
   * how many times its connectors were replaced (V5 migration).
   */
  record StationRow(
      String stationId, String spotId, boolean connected, Instant lastSeen, int connectorsVersion, LocalDateTime changedAt) {}

  /** {@code connector}: a registered connector; {@code type} is the API label. */
  record ConnectorRow(String stationId, int connectorId, String type, double maxPowerKw, LocalDateTime changedAt) {}

  /** {@code connector_status_latest}: a connector's latest status (connector 0 = the station). */
  record StatusRow(
      String stationId, int connectorId, String status, String errorCode, Instant statusAt, Instant receivedAt, LocalDateTime changedAt) {}
}
