package io.voltgate.chargermgmt.station;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A registered charging station. Acceptance of its BootNotification is stored here and
 * survives reconnects and moves between instances: an OCPP 1.6 charger does not boot again when
 * it reconnects (CONTRACT §1).
 */
@Entity
@Table(name = "station")
public class ChargingStation {

  public static final String ACCEPTED = "Accepted";

  @Id
  @Column(name = "station_id")
  private String stationId;

  @Column(name = "spot_id")
  private String spotId;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "registration_status")
  private String registrationStatus;

  private String vendor;
  private String model;

  @Column(name = "firmware_version")
  private String firmwareVersion;

  @Column(name = "charge_point_serial")
  private String chargePointSerial;

  @Column(name = "charge_box_serial")
  private String chargeBoxSerial;

  private String iccid;
  private String imsi;

  @Column(name = "meter_type")
  private String meterType;

  @Column(name = "meter_serial")
  private String meterSerial;

  @Column(name = "booted_at")
  private Instant bootedAt;

  private String protocol;

  @Column(name = "instance_id")
  private String instanceId;

  @Column(name = "session_token")
  private String sessionToken;

  @Column(name = "connected_at")
  private Instant connectedAt;

  @Column(name = "last_seen")
  private Instant lastSeen;

  @Column(name = "diagnostics_status")
  private String diagnosticsStatus;

  @Column(name = "firmware_status")
  private String firmwareStatus;

  @Column(name = "created_at")
  private Instant createdAt;

  protected ChargingStation() {}

  public ChargingStation(String stationId, Instant now) {
    this.stationId = stationId;
    this.createdAt = now;
  }

  /** Applies an operator's full replacement (PUT): an omitted password means none. */
  public void replaceRegistration(String spotId, String passwordHash) {
    this.spotId = spotId;
    this.passwordHash = passwordHash;
  }

  public boolean isAccepted() {
    return ACCEPTED.equals(registrationStatus);
  }

  public String getStationId() {
    return stationId;
  }

  public String getSpotId() {
    return spotId;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public String getRegistrationStatus() {
    return registrationStatus;
  }

  public String getVendor() {
    return vendor;
  }

  public String getModel() {
    return model;
  }

  public String getFirmwareVersion() {
    return firmwareVersion;
  }

  public String getProtocol() {
    return protocol;
  }

  public String getInstanceId() {
    return instanceId;
  }

  public Instant getLastSeen() {
    return lastSeen;
  }

  public Instant getBootedAt() {
    return bootedAt;
  }

  public String getDiagnosticsStatus() {
    return diagnosticsStatus;
  }

  public String getFirmwareStatus() {
    return firmwareStatus;
  }

  public void setDiagnosticsStatus(String status, Instant now) {
    this.diagnosticsStatus = status;
    this.lastSeen = now;
  }

  public void setFirmwareStatus(String status, Instant now) {
    this.firmwareStatus = status;
    this.lastSeen = now;
  }
}
