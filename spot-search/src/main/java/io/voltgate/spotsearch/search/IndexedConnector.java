package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.ConnectorStatus;
import io.voltgate.sharedkernel.ConnectorType;

/**
 * A registered connector with its latest status as the index holds it; {@code station} is the
 * position of its station in {@link IndexedSpot#stations()}. {@code status} is null when the
 * connector never reported one (such a connector is never available).
 */
public record IndexedConnector(int station, int connectorId, ConnectorType type, double maxPowerKw, ConnectorStatus status) {}
