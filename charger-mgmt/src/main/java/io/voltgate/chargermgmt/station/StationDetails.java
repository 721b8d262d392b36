package io.voltgate.chargermgmt.station;

import java.util.List;

/** A station with its registered connectors and their latest statuses, for reading. */
public record StationDetails(
    ChargingStation station, List<RegisteredConnector> connectors, List<LatestConnectorStatus> statuses) {}
