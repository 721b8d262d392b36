package io.voltgate.sharedkernel;

import java.util.Optional;

/** OCPP 1.6 ChargePointStatus (§7.7), the values stored in {@code connector_status_latest.status}. */
public enum ConnectorStatus {
  Available,
  Preparing,
  Charging,
  SuspendedEVSE,
  SuspendedEV,
  Finishing,
  Reserved,
  Unavailable,
  Faulted;

  public static Optional<ConnectorStatus> parse(String name) {
    for (ConnectorStatus s : values()) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
