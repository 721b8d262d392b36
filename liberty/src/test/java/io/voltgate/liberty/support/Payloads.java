package io.voltgate.liberty.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid OCPP 1.6 request payloads (ocpp-1.6 edition 2, §6) that tests copy and then modify.
 * Each method returns a fresh node.
 */
public final class Payloads {

    public static final String VENDOR = "VoltgateIT";
    public static final String MODEL = "IT-Charger-1";
    public static final String FIRMWARE = "1.2.3-it";

    private Payloads() {
    }

    public static ObjectNode object() {
        return OcppTestClient.JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return OcppTestClient.JSON.createArrayNode();
    }

    public static JsonNode parse(String json) {
        return OcppTestClient.JSON.readTree(json);
    }

    public static ObjectNode bootNotification() {
        return object()
                .put("chargePointVendor", VENDOR)
                .put("chargePointModel", MODEL)
                .put("chargePointSerialNumber", "SN-IT-0001")
                .put("firmwareVersion", FIRMWARE);
    }

    public static ObjectNode statusNotification(int connectorId, String status, String errorCode, String timestamp) {
        return object()
                .put("connectorId", connectorId)
                .put("errorCode", errorCode)
                .put("status", status)
                .put("timestamp", timestamp);
    }

    public static ObjectNode authorize(String idTag) {
        return object().put("idTag", idTag);
    }

    public static ObjectNode startTransaction(int connectorId, String idTag, int meterStart, String timestamp) {
        return object()
                .put("connectorId", connectorId)
                .put("idTag", idTag)
                .put("meterStart", meterStart)
                .put("timestamp", timestamp);
    }

    public static ObjectNode stopTransaction(int transactionId, String idTag, int meterStop, String timestamp,
            String reason) {
        ObjectNode stop = object()
                .put("transactionId", transactionId)
                .put("idTag", idTag)
                .put("meterStop", meterStop)
                .put("timestamp", timestamp)
                .put("reason", reason);
        stop.set("transactionData", array().add(meterValue(timestamp, Integer.toString(meterStop))));
        return stop;
    }

    public static ObjectNode meterValues(int connectorId, Integer transactionId, String timestamp, String wh) {
        ObjectNode values = object().put("connectorId", connectorId);
        if (transactionId != null) {
            values.put("transactionId", transactionId);
        }
        values.set("meterValue", array().add(meterValue(timestamp, wh)));
        return values;
    }

    public static ObjectNode meterValue(String timestamp, String wh) {
        ObjectNode sampled = object()
                .put("value", wh)
                .put("context", "Sample.Periodic")
                .put("measurand", "Energy.Active.Import.Register")
                .put("unit", "Wh");
        ObjectNode meterValue = object().put("timestamp", timestamp);
        meterValue.set("sampledValue", array().add(sampled));
        return meterValue;
    }

    public static ObjectNode dataTransfer(String vendorId, String messageId, String data) {
        return object().put("vendorId", vendorId).put("messageId", messageId).put("data", data);
    }
}
