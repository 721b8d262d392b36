package io.voltgate.spotsearch.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A charging spot: a place on the map that holds one or more stations. */
@Entity
@Table(name = "spot")
public class Spot {

  @Id
  @Column(name = "spot_id")
  private String spotId;

  private String name;
  private double lat;
  private double lng;
  private String address;

  @Column(name = "operator_name")
  private String operatorName;

  @Column(name = "updated_at")
  private LocalDateTime updatedAt;

  protected Spot() {}

  public Spot(String spotId) {
    this.spotId = spotId;
  }

  public void replace(String name, double lat, double lng, String address, String operatorName, LocalDateTime now) {
    this.name = name;
    this.lat = lat;
    this.lng = lng;
    this.address = address;
    this.operatorName = operatorName;
    this.updatedAt = now;
  }

  public String getSpotId() {
    return spotId;
  }

  public String getName() {
    return name;
  }

  public double getLat() {
    return lat;
  }

  public double getLng() {
    return lng;
  }

  public String getAddress() {
    return address;
  }

  public String getOperatorName() {
    return operatorName;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }
}
