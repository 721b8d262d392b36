package io.voltgate.sharedkernel.event;

import io.voltgate.sharedkernel.StationId;
import java.time.Instant;

/** A connector's latest status was replaced (fired after the transaction commits). */
public record ConnectorStatusChanged(
    StationId stationId, int connectorId, String status, Instant statusAt) {}
