package io.voltgate.chargermgmt.station;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Read side of {@code connector_status_latest} inside charger-mgmt. Rows are written only by
 * the conditional upsert in the repository (a replayed older status never wins), never through
 * this entity.
 */
@Entity
@Table(name = "connector_status_latest")
@IdClass(RegisteredConnector.Key.class)
public class LatestConnectorStatus {

  @Id
  @Column(name = "station_id")
  private String stationId;

  @Id
  @Column(name = "connector_id")
  private int connectorId;

  private String status;

  @Column(name = "error_code")
  private String errorCode;

  @Column(name = "status_at")
  private Instant statusAt;

  protected LatestConnectorStatus() {}

  public String getStationId() {
    return stationId;
  }

  public int getConnectorId() {
    return connectorId;
  }

  public String getStatus() {
    return status;
  }

  public String getErrorCode() {
    return errorCode;
  }

  public Instant getStatusAt() {
    return statusAt;
  }
}
