package io.voltgate.chargermgmt.station;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A connector as the operator registered it: plug type and maximum power. */
@Entity
@Table(name = "connector")
@IdClass(RegisteredConnector.Key.class)
public class RegisteredConnector {

  @Id
  @Column(name = "station_id")
  private String stationId;

  @Id
  @Column(name = "connector_id")
  private int connectorId;

  @Column(name = "connector_type")
  private String type;

  @Column(name = "max_power_kw")
  private double maxPowerKw;

  protected RegisteredConnector() {}

  public RegisteredConnector(String stationId, int connectorId, String type, double maxPowerKw) {
    this.stationId = stationId;
    this.connectorId = connectorId;
    this.type = type;
    this.maxPowerKw = maxPowerKw;
  }

  public String getStationId() {
    return stationId;
  }

  public int getConnectorId() {
    return connectorId;
  }

  public String getType() {
    return type;
  }

  public double getMaxPowerKw() {
    return maxPowerKw;
  }

  /** Composite key (station, connector). */
  public static class Key implements Serializable {
    private String stationId;
    private int connectorId;

    public Key() {}

    public Key(String stationId, int connectorId) {
      this.stationId = stationId;
      this.connectorId = connectorId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.connectorId == connectorId && Objects.equals(k.stationId, stationId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(stationId, connectorId);
    }
  }
}
