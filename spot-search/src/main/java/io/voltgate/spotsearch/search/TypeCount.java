package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.ConnectorType;

/** Counted connectors of one type, with the highest maximum power among them. */
public record TypeCount(ConnectorType type, double maxPowerKw, int total, int available) {}
