package io.voltgate.chargermgmt.ocpp.v16;

import io.voltgate.chargermgmt.idtag.IdTagInfo;
import io.voltgate.chargermgmt.idtag.IdTagService;
import io.voltgate.chargermgmt.ocpp.OcppCallException;
import io.voltgate.chargermgmt.ocpp.frame.FrameCodec;
import io.voltgate.chargermgmt.ocpp.frame.RpcErrorCode;
import io.voltgate.chargermgmt.session.OcppConnection;
import io.voltgate.chargermgmt.station.BootInfo;
import io.voltgate.chargermgmt.station.ChargingStation;
import io.voltgate.chargermgmt.station.StationEvent;
import io.voltgate.chargermgmt.station.StationEvents;
import io.voltgate.chargermgmt.station.StationService;
import io.voltgate.chargermgmt.station.StatusReport;
import io.voltgate.chargermgmt.transaction.MeterSample;
import io.voltgate.chargermgmt.transaction.StartResult;
import io.voltgate.chargermgmt.transaction.TransactionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates validated OCPP 1.6 CALLs from charge points into the feature services and their
 * answers back into 1.6 payloads — the anti-corruption layer between the wire and the domain.
 * Payloads arrive already schema-validated, so required fields are present and typed.
 */
@ApplicationScoped
public class Ocpp16Dispatcher {

  @Inject FrameCodec codec;
  @Inject StationService stations;
  @Inject StationEvents events;
  @Inject IdTagService idTags;
  @Inject TransactionService transactions;

  public ObjectNode handle(OcppConnection connection, Ocpp16Action action, ObjectNode p) {
    String station = connection.stationId();
    return switch (action) {
      case BootNotification, StatusNotification ->
          throw new IllegalArgumentException(action + " is answered after its grouped write: use write()");
      case Heartbeat -> object().put("currentTime", now());
      case Authorize -> object().set("idTagInfo", idTagInfo(idTags.authorize(p.get("idTag").asString())));
      case StartTransaction -> {
        StartResult r =
            transactions.start(
                station,
                p.get("connectorId").asInt(),
                p.get("idTag").asString(),
                time(p.get("timestamp")),
                p.get("meterStart").asInt(),
                p.has("reservationId") ? p.get("reservationId").asInt() : null);
        ObjectNode answer = object().set("idTagInfo", idTagInfo(r.idTagInfo()));
        yield answer.put("transactionId", r.transactionId());
      }
      case StopTransaction -> {
        Optional<IdTagInfo> info =
            transactions.stop(
                station,
                p.get("transactionId").asInt(),
                time(p.get("timestamp")),
                p.get("meterStop").asInt(),
                p.has("reason") ? p.get("reason").asString() : "Local",
                text(p, "idTag"),
                samples(p.get("transactionData")));
        ObjectNode answer = object();
        info.ifPresent(i -> answer.set("idTagInfo", idTagInfo(i)));
        yield answer;
      }
      case MeterValues -> {
        transactions.meterValues(
            station,
            p.get("connectorId").asInt(),
            p.has("transactionId") ? p.get("transactionId").asInt() : null,
            samples(p.get("meterValue")));
        yield object();
      }
      case DataTransfer -> {
        stations.dataTransfer(station, p.get("vendorId").asString(), text(p, "messageId"), text(p, "data"));
        // No vendor extensions are implemented: OCPP 1.6 §4.3 answers UnknownVendorId.
        yield object().put("status", "UnknownVendorId");
      }
      case DiagnosticsStatusNotification -> {
        stations.diagnosticsStatus(station, p.get("status").asString());
        yield object();
      }
      case FirmwareStatusNotification -> {
        stations.firmwareStatus(station, p.get("status").asString());
        yield object();
      }
      default -> throw new OcppCallException(RpcErrorCode.NOT_SUPPORTED, action + " is not handled");
    };
  }

  /**
   * The CALLs whose only work is a station write — BootNotification and StatusNotification,
   * most of a storm's traffic — are written with others ({@link StationEvents}) and answered
   * when their group has been committed.
   */
  public boolean isGroupWrite(Ocpp16Action action) {
    return action == Ocpp16Action.BootNotification || action == Ocpp16Action.StatusNotification;
  }

  /** Answers a {@link #isGroupWrite group-written} CALL once its write is committed. */
  public CompletableFuture<ObjectNode> write(OcppConnection connection, Ocpp16Action action, ObjectNode p) {
    String station = connection.stationId();
    if (action == Ocpp16Action.BootNotification) {
      BootInfo info =
          new BootInfo(
              p.get("chargePointVendor").asString(),
              p.get("chargePointModel").asString(),
              text(p, "firmwareVersion"),
              text(p, "chargePointSerialNumber"),
              text(p, "chargeBoxSerialNumber"),
              text(p, "iccid"),
              text(p, "imsi"),
              text(p, "meterType"),
              text(p, "meterSerialNumber"));
      return events
          .record(new StationEvent.Booted(station, info, Instant.now()))
          .thenApply(
              v -> {
                connection.accepted(true);
                return object()
                    .put("status", ChargingStation.ACCEPTED)
                    .put("currentTime", now())
                    .put("interval", stations.heartbeatIntervalSeconds());
              });
    }
    if (action == Ocpp16Action.StatusNotification) {
      StatusReport report =
          new StatusReport(
              p.get("connectorId").asInt(),
              p.get("status").asString(),
              p.get("errorCode").asString(),
              text(p, "info"),
              text(p, "vendorId"),
              text(p, "vendorErrorCode"),
              p.has("timestamp") ? time(p.get("timestamp")) : Instant.now().truncatedTo(ChronoUnit.MILLIS));
      return events.record(new StationEvent.StatusReported(station, report, Instant.now())).thenApply(v -> object());
    }
    throw new IllegalArgumentException(action + " is not a grouped write");
  }

  /** BootNotification answered Pending without touching the store: the instance is busy. */
  public ObjectNode pendingBoot(int intervalSeconds) {
    return object().put("status", "Pending").put("currentTime", now()).put("interval", intervalSeconds);
  }

  private List<MeterSample> samples(JsonNode meterValues) {
    List<MeterSample> out = new ArrayList<>();
    if (meterValues == null) {
      return out;
    }
    for (JsonNode mv : meterValues) {
      Instant at = time(mv.get("timestamp"));
      for (JsonNode sv : mv.get("sampledValue")) {
        // Defaults from OCPP 1.6 §7.45 SampledValue.
        out.add(
            new MeterSample(
                at,
                sv.get("value").asString(),
                textOr(sv, "context", "Sample.Periodic"),
                textOr(sv, "format", "Raw"),
                textOr(sv, "measurand", "Energy.Active.Import.Register"),
                text(sv, "phase"),
                textOr(sv, "location", "Outlet"),
                textOr(sv, "unit", "Wh")));
      }
    }
    return out;
  }

  private ObjectNode idTagInfo(IdTagInfo info) {
    ObjectNode node = object().put("status", info.status());
    if (info.expiryDate() != null) {
      node.put("expiryDate", info.expiryDate().toString());
    }
    if (info.parentIdTag() != null) {
      node.put("parentIdTag", info.parentIdTag());
    }
    return node;
  }

  private ObjectNode object() {
    return codec.mapper().createObjectNode();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** OCPP date-times carry an offset (schema format date-time); stored at millisecond precision. */
  private static Instant time(JsonNode node) {
    return OffsetDateTime.parse(node.asString()).toInstant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static String textOr(JsonNode node, String field, String fallback) {
    String v = text(node, field);
    return v == null ? fallback : v;
  }
}
