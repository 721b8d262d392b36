package io.voltgate.sharedkernel.event;

import io.voltgate.sharedkernel.StationId;

/** A station opened an OCPP session on this instance. */
public record StationConnected(StationId stationId, String protocol, String instanceId) {}
