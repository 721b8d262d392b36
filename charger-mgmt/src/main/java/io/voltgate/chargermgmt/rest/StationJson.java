package io.voltgate.chargermgmt.rest;

import io.voltgate.chargermgmt.station.ChargingStation;
import io.voltgate.chargermgmt.station.LatestConnectorStatus;
import io.voltgate.chargermgmt.station.RegisteredConnector;
import io.voltgate.chargermgmt.station.StationDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A station as the API shows it (CONTRACT §2 GET /stations/{id}); no password, ever. */
public record StationJson(
    String stationId,
    String spotId,
    boolean connected,
    String protocol,
    String instance,
    Instant lastSeen,
    String status,
    Boot boot,
    List<Connector> connectors) {

  public record Boot(String vendor, String model, String firmwareVersion) {}

  public record Connector(
      int connectorId, String type, Double maxPowerKw, String status, String errorCode, Instant updatedAt) {}

  static StationJson of(StationDetails d) {
    ChargingStation s = d.station();
    Map<Integer, Connector> byId = new TreeMap<>();
    for (RegisteredConnector c : d.connectors()) {
      byId.put(c.getConnectorId(), new Connector(c.getConnectorId(), c.getType(), c.getMaxPowerKw(), null, null, null));
    }
    String stationStatus = null;
    for (LatestConnectorStatus l : d.statuses()) {
      if (l.getConnectorId() == 0) {
        stationStatus = l.getStatus();
        continue;
      }
      Connector registered = byId.get(l.getConnectorId());
      byId.put(
          l.getConnectorId(),
          new Connector(
              l.getConnectorId(),
              registered == null ? null : registered.type(),
              registered == null ? null : registered.maxPowerKw(),
              l.getStatus(),
              l.getErrorCode(),
              l.getStatusAt()));
    }
    boolean connected = s.getInstanceId() != null;
    return new StationJson(
        s.getStationId(),
        s.getSpotId(),
        connected,
        connected ? s.getProtocol() : null,
        s.getInstanceId(),
        s.getLastSeen(),
        stationStatus,
        new Boot(s.getVendor(), s.getModel(), s.getFirmwareVersion()),
        List.copyOf(byId.values()));
  }
}
