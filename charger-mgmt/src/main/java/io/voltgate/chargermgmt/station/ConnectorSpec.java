package io.voltgate.chargermgmt.station;

/** A connector in an operator's station registration. */
public record ConnectorSpec(int connectorId, String type, double maxPowerKw) {}
