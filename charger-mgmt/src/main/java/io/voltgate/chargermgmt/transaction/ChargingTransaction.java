package io.voltgate.chargermgmt.transaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A charging transaction. Its id is OCPP's integer transactionId, drawn from the database's
 * auto-increment so it is unique for the life of the database across restarts and instances.
 */
@Entity
@Table(name = "charging_transaction")
public class ChargingTransaction {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "transaction_id")
  private Integer transactionId;

  @Column(name = "station_id")
  private String stationId;

  @Column(name = "connector_id")
  private int connectorId;

  @Column(name = "id_tag")
  private String idTag;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "meter_start")
  private int meterStart;

  @Column(name = "reservation_id")
  private Integer reservationId;

  @Column(name = "stopped_at")
  private Instant stoppedAt;

  @Column(name = "meter_stop")
  private Integer meterStop;

  @Column(name = "stop_reason")
  private String stopReason;

  @Column(name = "stop_id_tag")
  private String stopIdTag;

  @Column(name = "created_at")
  private Instant createdAt;

  protected ChargingTransaction() {}

  public ChargingTransaction(
      String stationId, int connectorId, String idTag, Instant startedAt, int meterStart, Integer reservationId, Instant now) {
    this.stationId = stationId;
    this.connectorId = connectorId;
    this.idTag = idTag;
    this.startedAt = startedAt;
    this.meterStart = meterStart;
    this.reservationId = reservationId;
    this.createdAt = now;
  }

  /** Stops the transaction once; a repeated stop changes nothing and returns false. */
  public boolean stop(Instant stoppedAt, int meterStop, String reason, String idTag) {
    if (this.stoppedAt != null) {
      return false;
    }
    this.stoppedAt = stoppedAt;
    this.meterStop = meterStop;
    this.stopReason = reason;
    this.stopIdTag = idTag;
    return true;
  }

  public Integer getTransactionId() {
    return transactionId;
  }

  public String getStationId() {
    return stationId;
  }

  public int getConnectorId() {
    return connectorId;
  }

  public String getIdTag() {
    return idTag;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public int getMeterStart() {
    return meterStart;
  }

  public Instant getStoppedAt() {
    return stoppedAt;
  }

  public Integer getMeterStop() {
    return meterStop;
  }

  public String getStopReason() {
    return stopReason;
  }
}
