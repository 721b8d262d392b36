-- Newest connection wins across instances (CONTRACT §1): when a station connects to one instance
-- while another still holds its older socket, the new one leaves a note here; the old holder
-- polls its notes (keyed by from_instance, id) and closes that socket with 1000 "replaced".
CREATE TABLE session_takeover (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  station_id     VARCHAR(48)  NOT NULL,
  from_instance  VARCHAR(64)  NOT NULL,
  session_token  VARCHAR(64),
  created_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
);
CREATE INDEX session_takeover_from ON session_takeover (from_instance, id);
CREATE INDEX session_takeover_created ON session_takeover (created_at);
