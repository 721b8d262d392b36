package io.voltgate.chargermgmt.ocpp.v16;

import java.util.EnumMap;
import java.util.Map;

/**
 * Realistic, schema-valid payloads for every OCPP 1.6 request and response, written from the
 * field tables of OCPP 1.6 edition 2 §6. Shared by the schema tests and the benchmark.
 */
final class Ocpp16Examples {

    static final Map<Ocpp16Action, String> REQUESTS = new EnumMap<>(Ocpp16Action.class);
    static final Map<Ocpp16Action, String> RESPONSES = new EnumMap<>(Ocpp16Action.class);

    static final String METER_VALUES = """
            {"connectorId": 1, "transactionId": 170,
             "meterValue": [{"timestamp": "2024-05-01T10:15:00Z", "sampledValue": [
               {"value": "15230.5", "context": "Sample.Periodic", "format": "Raw",
                "measurand": "Energy.Active.Import.Register", "location": "Outlet", "unit": "Wh"},
               {"value": "7200", "context": "Sample.Periodic", "measurand": "Power.Active.Import", "unit": "W"},
               {"value": "31.5", "measurand": "Current.Import", "phase": "L1", "unit": "A"},
               {"value": "230.1", "measurand": "Voltage", "phase": "L1-N", "unit": "V"},
               {"value": "41", "measurand": "Temperature", "location": "Body", "unit": "Celsius"},
               {"value": "64", "measurand": "SoC", "location": "EV", "unit": "Percent"}]}]}
            """;

    static final String CHARGING_PROFILE = """
            {"chargingProfileId": 12, "transactionId": 170, "stackLevel": 0,
             "chargingProfilePurpose": "TxProfile", "chargingProfileKind": "Absolute",
             "validFrom": "2024-05-01T10:00:00Z", "validTo": "2024-05-01T18:00:00Z",
             "chargingSchedule": {"duration": 3600, "startSchedule": "2024-05-01T10:00:00Z",
               "chargingRateUnit": "A", "minChargingRate": 6.0,
               "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0, "numberPhases": 3},
                                          {"startPeriod": 1800, "limit": 10.5}]}}
            """;

    static {
        // Charge Point → Central System
        REQUESTS.put(Ocpp16Action.Authorize, """
                {"idTag": "04A2B3C4D5E6F7"}""");
        REQUESTS.put(Ocpp16Action.BootNotification, """
                {"chargePointVendor": "VendorX", "chargePointModel": "SingleSocketCharger",
                 "chargePointSerialNumber": "SN-000123", "chargeBoxSerialNumber": "CB-000123",
                 "firmwareVersion": "1.4.2", "iccid": "8931440400000000001", "imsi": "204043000000001",
                 "meterType": "ABB B23", "meterSerialNumber": "MTR-7781"}""");
        REQUESTS.put(Ocpp16Action.DataTransfer, """
                {"vendorId": "com.vendorx", "messageId": "ParkingSensor", "data": "{\\"occupied\\":true}"}""");
        REQUESTS.put(Ocpp16Action.DiagnosticsStatusNotification, """
                {"status": "Uploaded"}""");
        REQUESTS.put(Ocpp16Action.FirmwareStatusNotification, """
                {"status": "Installing"}""");
        REQUESTS.put(Ocpp16Action.Heartbeat, "{}");
        REQUESTS.put(Ocpp16Action.MeterValues, METER_VALUES);
        REQUESTS.put(Ocpp16Action.StartTransaction, """
                {"connectorId": 1, "idTag": "04A2B3C4D5E6F7", "meterStart": 15000, "reservationId": 5,
                 "timestamp": "2024-05-01T10:00:00.123Z"}""");
        REQUESTS.put(Ocpp16Action.StatusNotification, """
                {"connectorId": 1, "errorCode": "NoError", "status": "Charging",
                 "timestamp": "2024-05-01T10:00:01Z", "info": "cable locked",
                 "vendorId": "com.vendorx", "vendorErrorCode": "0"}""");
        REQUESTS.put(Ocpp16Action.StopTransaction, """
                {"idTag": "04A2B3C4D5E6F7", "meterStop": 22500, "timestamp": "2024-05-01T11:00:00Z",
                 "transactionId": 170, "reason": "EVDisconnected",
                 "transactionData": [{"timestamp": "2024-05-01T11:00:00Z", "sampledValue": [
                   {"value": "22500", "context": "Transaction.End", "measurand": "Energy.Active.Import.Register",
                    "unit": "Wh"}]}]}""");
        // Central System → Charge Point
        REQUESTS.put(Ocpp16Action.CancelReservation, """
                {"reservationId": 5}""");
        REQUESTS.put(Ocpp16Action.ChangeAvailability, """
                {"connectorId": 0, "type": "Inoperative"}""");
        REQUESTS.put(Ocpp16Action.ChangeConfiguration, """
                {"key": "HeartbeatInterval", "value": "300"}""");
        REQUESTS.put(Ocpp16Action.ClearCache, "{}");
        REQUESTS.put(Ocpp16Action.ClearChargingProfile, """
                {"id": 12, "connectorId": 1, "chargingProfilePurpose": "TxProfile", "stackLevel": 0}""");
        REQUESTS.put(Ocpp16Action.GetCompositeSchedule, """
                {"connectorId": 1, "duration": 3600, "chargingRateUnit": "W"}""");
        REQUESTS.put(Ocpp16Action.GetConfiguration, """
                {"key": ["HeartbeatInterval", "MeterValueSampleInterval"]}""");
        REQUESTS.put(Ocpp16Action.GetDiagnostics, """
                {"location": "ftp://diag:secret@diagnostics.example.com/uploads/", "retries": 3,
                 "retryInterval": 60, "startTime": "2024-04-30T00:00:00Z", "stopTime": "2024-05-01T00:00:00Z"}""");
        REQUESTS.put(Ocpp16Action.GetLocalListVersion, "{}");
        REQUESTS.put(Ocpp16Action.RemoteStartTransaction, "{\"connectorId\": 1, \"idTag\": \"04A2B3C4D5E6F7\","
                + " \"chargingProfile\": " + CHARGING_PROFILE + "}");
        REQUESTS.put(Ocpp16Action.RemoteStopTransaction, """
                {"transactionId": 170}""");
        REQUESTS.put(Ocpp16Action.ReserveNow, """
                {"connectorId": 2, "expiryDate": "2024-05-01T12:00:00Z", "idTag": "04A2B3C4D5E6F7",
                 "parentIdTag": "FLEET-01", "reservationId": 6}""");
        REQUESTS.put(Ocpp16Action.Reset, """
                {"type": "Soft"}""");
        REQUESTS.put(Ocpp16Action.SendLocalList, """
                {"listVersion": 42, "updateType": "Differential", "localAuthorizationList": [
                  {"idTag": "04A2B3C4D5E6F7", "idTagInfo": {"status": "Accepted",
                   "expiryDate": "2025-01-01T00:00:00Z", "parentIdTag": "FLEET-01"}},
                  {"idTag": "DEADBEEF"}]}""");
        REQUESTS.put(Ocpp16Action.SetChargingProfile, "{\"connectorId\": 1, \"csChargingProfiles\": "
                + CHARGING_PROFILE + "}");
        REQUESTS.put(Ocpp16Action.TriggerMessage, """
                {"requestedMessage": "StatusNotification", "connectorId": 1}""");
        REQUESTS.put(Ocpp16Action.UnlockConnector, """
                {"connectorId": 1}""");
        REQUESTS.put(Ocpp16Action.UpdateFirmware, """
                {"location": "https://firmware.example.com/vendorx/1.5.0.bin", "retries": 2,
                 "retrieveDate": "2024-05-02T02:00:00Z", "retryInterval": 300}""");

        String idTagInfo = "{\"idTagInfo\": {\"status\": \"Accepted\", \"expiryDate\": \"2025-01-01T00:00:00Z\","
                + " \"parentIdTag\": \"FLEET-01\"}";
        RESPONSES.put(Ocpp16Action.Authorize, idTagInfo + "}");
        RESPONSES.put(Ocpp16Action.BootNotification, """
                {"status": "Accepted", "currentTime": "2013-02-01T20:53:32.486Z", "interval": 300}""");
        RESPONSES.put(Ocpp16Action.DataTransfer, """
                {"status": "Accepted", "data": "ok"}""");
        RESPONSES.put(Ocpp16Action.DiagnosticsStatusNotification, "{}");
        RESPONSES.put(Ocpp16Action.FirmwareStatusNotification, "{}");
        RESPONSES.put(Ocpp16Action.Heartbeat, """
                {"currentTime": "2024-05-01T10:00:00Z"}""");
        RESPONSES.put(Ocpp16Action.MeterValues, "{}");
        RESPONSES.put(Ocpp16Action.StartTransaction, idTagInfo + ", \"transactionId\": 170}");
        RESPONSES.put(Ocpp16Action.StatusNotification, "{}");
        RESPONSES.put(Ocpp16Action.StopTransaction, idTagInfo + "}");
        RESPONSES.put(Ocpp16Action.CancelReservation, "{\"status\": \"Accepted\"}");
        RESPONSES.put(Ocpp16Action.ChangeAvailability, "{\"status\": \"Scheduled\"}");
        RESPONSES.put(Ocpp16Action.ChangeConfiguration, "{\"status\": \"RebootRequired\"}");
        RESPONSES.put(Ocpp16Action.ClearCache, "{\"status\": \"Accepted\"}");
        RESPONSES.put(Ocpp16Action.ClearChargingProfile, "{\"status\": \"Unknown\"}");
        RESPONSES.put(Ocpp16Action.GetCompositeSchedule, """
                {"status": "Accepted", "connectorId": 1, "scheduleStart": "2024-05-01T10:00:00Z",
                 "chargingSchedule": {"duration": 3600, "chargingRateUnit": "W",
                   "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 11000.0, "numberPhases": 3}]}}""");
        RESPONSES.put(Ocpp16Action.GetConfiguration, """
                {"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"},
                                      {"key": "NumberOfConnectors", "readonly": true, "value": "2"}],
                 "unknownKey": ["FooBar"]}""");
        RESPONSES.put(Ocpp16Action.GetDiagnostics, "{\"fileName\": \"diag-2024-05-01.zip\"}");
        RESPONSES.put(Ocpp16Action.GetLocalListVersion, "{\"listVersion\": 42}");
        RESPONSES.put(Ocpp16Action.RemoteStartTransaction, "{\"status\": \"Accepted\"}");
        RESPONSES.put(Ocpp16Action.RemoteStopTransaction, "{\"status\": \"Rejected\"}");
        RESPONSES.put(Ocpp16Action.ReserveNow, "{\"status\": \"Occupied\"}");
        RESPONSES.put(Ocpp16Action.Reset, "{\"status\": \"Accepted\"}");
        RESPONSES.put(Ocpp16Action.SendLocalList, "{\"status\": \"VersionMismatch\"}");
        RESPONSES.put(Ocpp16Action.SetChargingProfile, "{\"status\": \"NotSupported\"}");
        RESPONSES.put(Ocpp16Action.TriggerMessage, "{\"status\": \"NotImplemented\"}");
        RESPONSES.put(Ocpp16Action.UnlockConnector, "{\"status\": \"Unlocked\"}");
        RESPONSES.put(Ocpp16Action.UpdateFirmware, "{}");
    }

    private Ocpp16Examples() {
    }
}
