package io.voltgate.chargermgmt.rest;

import java.util.List;

/** Body of PUT /stations/{id}: the whole registration (omitted password = none). */
public record StationRegistrationJson(String password, String spotId, List<ConnectorJson> connectors) {

  public record ConnectorJson(Integer connectorId, String type, Double maxPowerKw) {}
}
