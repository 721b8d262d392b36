-- A counter of connector replacements per station (issue 5). Deleted connector rows carry no
-- change marker, so spot-search's index used to re-read a station's connectors whenever the
-- station row changed at all; but the row changes on every connect, disconnect and takeover
-- (instance_id, last_seen), and a moved or buried fleet then cost one connector read per
-- station on every instance. Now charger-mgmt bumps this counter when it replaces a station's
-- connectors, and the index re-reads connectors only when the counter moved.
--
-- A counter, not a timestamp: two replacements within one millisecond still differ. During a
-- rolling upgrade an instance that predates this migration stamps only changed_at; the index's
-- slow full reload still picks its replacements up.
-- Works on MySQL/MariaDB and on H2 in MODE=MySQL.

ALTER TABLE station ADD COLUMN connectors_version INT NOT NULL DEFAULT 0;
