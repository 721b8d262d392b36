package io.voltgate.chargermgmt.station;

/** The answer to a BootNotification: Accepted, Pending or Rejected, and the interval to use. */
public record BootDecision(String status, int intervalSeconds) {
  public boolean accepted() {
    return ChargingStation.ACCEPTED.equals(status);
  }
}
