package io.voltgate.chargermgmt.station;

import java.time.Instant;

/**
 * A StatusNotification (OCPP 1.6 §6.48). {@code statusAt} is the charger's timestamp, or the
 * time of arrival when the charger sent none.
 */
public record StatusReport(
    int connectorId,
    String status,
    String errorCode,
    String info,
    String vendorId,
    String vendorErrorCode,
    Instant statusAt) {}
