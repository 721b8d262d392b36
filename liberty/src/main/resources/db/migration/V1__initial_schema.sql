-- Voltgate initial schema. Written once for MySQL/MariaDB and for H2 in MODE=MySQL (the
-- embedded default); keep to the common dialect. Times are UTC DATETIME(3).
-- Owner of each table in brackets; the published tables are documented in shared-kernel's
-- package-info.java.

-- [spot-search] charging spots (a place on the map holding one or more stations)
CREATE TABLE spot (
  spot_id       VARCHAR(64)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  lat           DOUBLE       NOT NULL,
  lng           DOUBLE       NOT NULL,
  address       VARCHAR(500),
  operator_name VARCHAR(200),
  updated_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (spot_id)
) DEFAULT CHARSET=utf8mb4;
CREATE INDEX spot_lat_lng ON spot (lat, lng);

-- [charger-mgmt] registered stations, their boot info and where their session lives
CREATE TABLE station (
  station_id          VARCHAR(48)  NOT NULL,
  spot_id             VARCHAR(64),
  password_hash       VARCHAR(200),
  registration_status VARCHAR(16),
  vendor              VARCHAR(20),
  model               VARCHAR(20),
  firmware_version    VARCHAR(50),
  charge_point_serial VARCHAR(25),
  charge_box_serial   VARCHAR(25),
  iccid               VARCHAR(20),
  imsi                VARCHAR(20),
  meter_type          VARCHAR(25),
  meter_serial        VARCHAR(25),
  booted_at           DATETIME(3),
  protocol            VARCHAR(16),
  instance_id         VARCHAR(64),
  session_token       VARCHAR(64),
  connected_at        DATETIME(3),
  last_seen           DATETIME(3),
  diagnostics_status  VARCHAR(16),
  firmware_status     VARCHAR(32),
  created_at          DATETIME(3)  NOT NULL,
  PRIMARY KEY (station_id)
) DEFAULT CHARSET=utf8mb4;
CREATE INDEX station_spot ON station (spot_id);
CREATE INDEX station_instance ON station (instance_id);

-- [charger-mgmt] connectors as registered by the operator
CREATE TABLE connector (
  station_id     VARCHAR(48) NOT NULL,
  connector_id   INT         NOT NULL,
  connector_type VARCHAR(16) NOT NULL,
  max_power_kw   DOUBLE      NOT NULL,
  PRIMARY KEY (station_id, connector_id)
) DEFAULT CHARSET=utf8mb4;

-- [charger-mgmt, published] one row per connector: its latest status
CREATE TABLE connector_status_latest (
  station_id        VARCHAR(48) NOT NULL,
  connector_id      INT         NOT NULL,
  status            VARCHAR(16) NOT NULL,
  error_code        VARCHAR(32) NOT NULL,
  info              VARCHAR(50),
  vendor_id         VARCHAR(255),
  vendor_error_code VARCHAR(50),
  status_at         DATETIME(3) NOT NULL,
  received_at       DATETIME(3) NOT NULL,
  PRIMARY KEY (station_id, connector_id)
) DEFAULT CHARSET=utf8mb4;

-- [charger-mgmt] every StatusNotification, append only
CREATE TABLE connector_status_history (
  id                BIGINT      NOT NULL AUTO_INCREMENT,
  station_id        VARCHAR(48) NOT NULL,
  connector_id      INT         NOT NULL,
  status            VARCHAR(16) NOT NULL,
  error_code        VARCHAR(32) NOT NULL,
  info              VARCHAR(50),
  vendor_id         VARCHAR(255),
  vendor_error_code VARCHAR(50),
  status_at         DATETIME(3) NOT NULL,
  received_at       DATETIME(3) NOT NULL,
  PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;
CREATE INDEX status_history_connector ON connector_status_history (station_id, connector_id, status_at);

-- [charger-mgmt] authorization identifiers
CREATE TABLE id_tag (
  id_tag        VARCHAR(20) NOT NULL,
  status        VARCHAR(16) NOT NULL,
  expiry_date   DATETIME(3),
  parent_id_tag VARCHAR(20),
  updated_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (id_tag)
) DEFAULT CHARSET=utf8mb4;

-- [charger-mgmt] transactions; the id is OCPP's integer transactionId, unique for the life of
-- the database. The unique key makes a replayed StartTransaction find its first answer.
CREATE TABLE charging_transaction (
  transaction_id INT         NOT NULL AUTO_INCREMENT,
  station_id     VARCHAR(48) NOT NULL,
  connector_id   INT         NOT NULL,
  id_tag         VARCHAR(20) NOT NULL,
  started_at     DATETIME(3) NOT NULL,
  meter_start    INT         NOT NULL,
  reservation_id INT,
  stopped_at     DATETIME(3),
  meter_stop     INT,
  stop_reason    VARCHAR(32),
  stop_id_tag    VARCHAR(20),
  created_at     DATETIME(3) NOT NULL,
  PRIMARY KEY (transaction_id),
  CONSTRAINT charging_transaction_replay UNIQUE (station_id, connector_id, id_tag, started_at, meter_start)
) DEFAULT CHARSET=utf8mb4;
CREATE INDEX charging_transaction_station ON charging_transaction (station_id, transaction_id);

-- [charger-mgmt] sampled meter values, inserted in JDBC batches. The unique key makes a
-- replayed MeterValues (OCPP 1.6 §3.7 re-sends after a reconnect) a no-op.
CREATE TABLE meter_value (
  id             BIGINT      NOT NULL AUTO_INCREMENT,
  station_id     VARCHAR(48) NOT NULL,
  connector_id   INT         NOT NULL,
  transaction_id INT,
  sampled_at     DATETIME(3) NOT NULL,
  measurand      VARCHAR(48) NOT NULL,
  phase          VARCHAR(8)  NOT NULL,
  location       VARCHAR(8)  NOT NULL,
  context        VARCHAR(24) NOT NULL,
  unit           VARCHAR(16),
  value_format   VARCHAR(16),
  reading        VARCHAR(64) NOT NULL,
  received_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT meter_value_replay UNIQUE (station_id, connector_id, sampled_at, measurand, phase, location, context)
) DEFAULT CHARSET=utf8mb4;
CREATE INDEX meter_value_transaction ON meter_value (transaction_id);

-- [charger-mgmt] DataTransfer messages from stations, kept for vendor integrations
CREATE TABLE data_transfer (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  station_id VARCHAR(48)  NOT NULL,
  vendor_id  VARCHAR(255) NOT NULL,
  message_id VARCHAR(50),
  data       TEXT,
  received_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;
CREATE INDEX data_transfer_station ON data_transfer (station_id, id);
