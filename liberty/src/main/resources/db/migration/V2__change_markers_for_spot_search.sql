-- Change markers for spot-search's per-instance index (issue 4). Every instance polls
-- "what changed since" on the tables it indexes; the database, not the application, stamps
-- each row when one of its values changes, so every writer (charger-mgmt's keyed upserts,
-- JPA updates, operators' SQL) is covered, and all stamps come from one clock (the
-- database's), so instances with skewed clocks still agree on the order.
--
-- ON UPDATE fires only when a value really changes: a replayed older StatusNotification,
-- which the conditional upsert leaves untouched, does not bump the marker. Deleted rows carry
-- no marker; charger-mgmt bumps the station when it replaces its connectors, and the index
-- also reloads everything at a slow fixed interval.
-- Works on MySQL/MariaDB and on H2 in MODE=MySQL (both tried).

ALTER TABLE connector_status_latest
  ADD COLUMN changed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);
CREATE INDEX status_latest_changed ON connector_status_latest (changed_at);

ALTER TABLE station
  ADD COLUMN changed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);
CREATE INDEX station_changed ON station (changed_at);

ALTER TABLE connector
  ADD COLUMN changed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);
CREATE INDEX connector_changed ON connector (changed_at);

ALTER TABLE spot
  ADD COLUMN changed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);
CREATE INDEX spot_changed ON spot (changed_at);
