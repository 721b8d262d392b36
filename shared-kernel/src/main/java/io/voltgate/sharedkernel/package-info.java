/**
 * Value types every bounded context shares, and nothing else: no services, no utilities. The
 * test for adding something here is whether charger-mgmt and spot-search would both agree to
 * every future change of it.
 *
 * <h2>Published table: {@code connector_status_latest}</h2>
 *
 * charger-mgmt owns one row per connector holding its latest status; it upserts the row by
 * primary key in the same transaction as the status-history insert. spot-search reads it (and
 * never the history). Its columns are a published contract:
 *
 * <ul>
 *   <li>{@code station_id VARCHAR(48)}, {@code connector_id INT} — primary key; connector 0 is
 *       the station itself (OCPP 1.6 §4.9).
 *   <li>{@code status VARCHAR(16)} — a {@link ConnectorStatus} name.
 *   <li>{@code error_code VARCHAR(32)} — OCPP 1.6 ChargePointErrorCode, {@code NoError} normally.
 *   <li>{@code status_at DATETIME(3)} — the charger's timestamp of the status (UTC); a status
 *       with an older timestamp never replaces a newer one.
 *   <li>{@code received_at DATETIME(3)} — when the server stored it (UTC).
 *   <li>{@code changed_at DATETIME(3)} — the database's own clock when a value of the row last
 *       changed ({@code ON UPDATE CURRENT_TIMESTAMP(3)}); readers poll it to learn what changed.
 *       Writers do not set it: the database does, and leaves it alone when an upsert changes
 *       nothing (an older, replayed status).
 * </ul>
 *
 * The station rows ({@code station.spot_id}, {@code station.instance_id} non-null while
 * connected, {@code station.last_seen}) and configured connectors ({@code connector.type},
 * {@code connector.max_power_kw}) are published the same way, each with the same
 * {@code changed_at} marker. Deleting rows leaves no marker, so whoever replaces a station's
 * connectors also increments {@code station.connectors_version INT}; readers re-read a
 * station's connectors only when that counter moved, not on every presence change.
 */
package io.voltgate.sharedkernel;
