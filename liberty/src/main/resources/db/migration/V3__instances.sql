-- The instances sharing this database (issue 5): each one heartbeats its row, so an instance
-- can tell whether a successor is ready before it drains, and the station ownership left by an
-- instance that died (no heartbeat) can be cleared by the survivors.
-- (V2 is left to the spot-search read model.)
CREATE TABLE csms_instance (
  instance_id   VARCHAR(64)  NOT NULL,
  base_url      VARCHAR(255),
  started_at    DATETIME(3)  NOT NULL,
  heartbeat_at  DATETIME(3)  NOT NULL,
  ready         BOOLEAN      NOT NULL,
  draining      BOOLEAN      NOT NULL,
  sessions      INT          NOT NULL,
  PRIMARY KEY (instance_id)
);
