package io.voltgate.chargermgmt.ocpp.v16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voltgate.chargermgmt.ocpp.frame.OcppVersion;
import io.voltgate.chargermgmt.ocpp.frame.RpcErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class Ocpp16SchemasTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static Ocpp16Schemas strict;
    private static Ocpp16Schemas relaxed;

    @BeforeAll
    static void compileSchemasOnce() {
        long start = System.nanoTime();
        strict = new Ocpp16Schemas();
        System.out.printf("Ocpp16Schemas: 56 schemas loaded and compiled in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        relaxed = new Ocpp16Schemas(false);
    }

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    private static ObjectNode bootNotification() {
        return (ObjectNode) json("{\"chargePointVendor\": \"VendorX\", \"chargePointModel\": \"SingleSocketCharger\"}");
    }

    private static ObjectNode statusNotification() {
        return (ObjectNode) json("{\"connectorId\": 1, \"errorCode\": \"NoError\", \"status\": \"Available\","
                + " \"timestamp\": \"2013-02-01T20:53:32.486Z\"}");
    }

    private static ObjectNode startTransaction() {
        return (ObjectNode) json(Ocpp16Examples.REQUESTS.get(Ocpp16Action.StartTransaction));
    }

    private static ObjectNode meterValues() {
        return (ObjectNode) json(Ocpp16Examples.METER_VALUES);
    }

    private static ObjectNode firstSampledValue(ObjectNode meterValues) {
        return (ObjectNode) meterValues.get("meterValue").get(0).get("sampledValue").get(0);
    }

    private static PayloadViolation requestViolation(Ocpp16Action action, JsonNode payload) {
        Optional<PayloadViolation> v = strict.validateRequest(action, payload);
        assertTrue(v.isPresent(), "expected a violation for " + payload);
        return v.get();
    }

    // --- the schema files ---

    static Stream<String> schemaFiles() {
        return Stream.of(Ocpp16Action.values())
                .flatMap(a -> Stream.of(a.schemaName() + ".json", a.schemaName() + "Response.json"));
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everyOneOfThe56SchemaFilesIsOnTheClassPathAsDraft04(String file) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Ocpp16Schemas.RESOURCE_DIR + file)) {
            assertNotNull(in, file);
            JsonNode schema = MAPPER.readTree(in);
            assertEquals("http://json-schema.org/draft-04/schema#", schema.get("$schema").stringValue());
            assertEquals(false, schema.get("additionalProperties").booleanValue());
        }
    }

    @Test
    void thereAre56SchemaFiles() {
        assertEquals(56, schemaFiles().count());
    }

    @Test
    void compilesEverySchemaInBothModes() {
        assertTrue(strict.rejectsUnknownProperties());
        assertFalse(relaxed.rejectsUnknownProperties());
    }

    // --- valid payloads pass ---

    static Stream<Ocpp16Action> chargePointActions() {
        return Stream.of(Ocpp16Action.values()).filter(Ocpp16Action::sentByChargePoint);
    }

    static Stream<Ocpp16Action> centralSystemActions() {
        return Stream.of(Ocpp16Action.values()).filter(Ocpp16Action::sentByCentralSystem);
    }

    @ParameterizedTest
    @MethodSource("chargePointActions")
    void acceptsAValidChargePointRequest(Ocpp16Action action) {
        assertEquals(Optional.empty(), strict.validateRequest(action, json(Ocpp16Examples.REQUESTS.get(action))));
    }

    @ParameterizedTest
    @MethodSource("centralSystemActions")
    void acceptsAValidCentralSystemRequest(Ocpp16Action action) {
        assertEquals(Optional.empty(), strict.validateRequest(action, json(Ocpp16Examples.REQUESTS.get(action))));
    }

    @ParameterizedTest
    @EnumSource(Ocpp16Action.class)
    void acceptsAValidResponse(Ocpp16Action action) {
        assertEquals(Optional.empty(), strict.validateResponse(action, json(Ocpp16Examples.RESPONSES.get(action))));
    }

    @Test
    void acceptsStopTransactionWithoutReason() {
        // OCPP-J 1.6 errata §2.6: reason is optional and defaults to Local
        ObjectNode stop = (ObjectNode) json(Ocpp16Examples.REQUESTS.get(Ocpp16Action.StopTransaction));
        stop.remove("reason");

        assertEquals(Optional.empty(), strict.validateRequest(Ocpp16Action.StopTransaction, stop));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Celsius", "Celcius"})
    void acceptsBothSpellingsOfCelsiusInStopTransactionAndMeterValues(String unit) {
        // OCPP-J 1.6 errata §2.1 (2025-04)
        ObjectNode stop = (ObjectNode) json(Ocpp16Examples.REQUESTS.get(Ocpp16Action.StopTransaction));
        ((ObjectNode) stop.get("transactionData").get(0).get("sampledValue").get(0)).put("unit", unit);
        ObjectNode meter = meterValues();
        firstSampledValue(meter).put("unit", unit);

        assertEquals(Optional.empty(), strict.validateRequest(Ocpp16Action.StopTransaction, stop));
        assertEquals(Optional.empty(), strict.validateRequest(Ocpp16Action.MeterValues, meter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2013-02-01T20:53:32.486Z", "2013-02-01T20:53:32Z", "2013-02-01T21:53:32+01:00"})
    void acceptsRfc3339DateTimes(String timestamp) {
        ObjectNode status = statusNotification().put("timestamp", timestamp);

        assertEquals(Optional.empty(), strict.validateRequest(Ocpp16Action.StatusNotification, status));
    }

    // --- TypeConstraintViolation ---

    @Test
    void reportsAWrongTypeInBootNotificationAsTypeConstraintViolation() {
        PayloadViolation v = requestViolation(Ocpp16Action.BootNotification, bootNotification().put("chargePointModel", 5));

        assertEquals(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, v.code());
        assertEquals("$.chargePointModel: expected string, found integer", v.description());
    }

    @Test
    void reportsAStringConnectorIdInStatusNotificationAsTypeConstraintViolation() {
        PayloadViolation v = requestViolation(Ocpp16Action.StatusNotification,
                statusNotification().put("connectorId", "1"));

        assertEquals(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, v.code());
        assertTrue(v.description().startsWith("$.connectorId:"), v.description());
    }

    @Test
    void reportsAFractionalMeterStartInStartTransactionAsTypeConstraintViolation() {
        PayloadViolation v = requestViolation(Ocpp16Action.StartTransaction, startTransaction().put("meterStart", 1.5));

        assertEquals(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, v.code());
        assertTrue(v.description().startsWith("$.meterStart:"), v.description());
    }

    @Test
    void rejectsAFractionalIntervalInBootNotificationResponse() {
        // OCPP-J 1.6 errata §2.4: interval is an integer
        JsonNode response = json("{\"status\": \"Accepted\", \"currentTime\": \"2013-02-01T20:53:32.486Z\","
                + " \"interval\": 300.5}");

        Optional<PayloadViolation> v = strict.validateResponse(Ocpp16Action.BootNotification, response);

        assertEquals(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, v.orElseThrow().code());
        assertEquals("$.interval: expected integer, found number", v.get().description());
    }

    @Test
    void rejectsFractionalRetriesInUpdateFirmware() {
        // OCPP-J 1.6 errata §2.5
        ObjectNode update = (ObjectNode) json(Ocpp16Examples.REQUESTS.get(Ocpp16Action.UpdateFirmware));
        update.put("retries", 2.5);

        assertEquals(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, requestViolation(Ocpp16Action.UpdateFirmware, update).code());
    }

    @Test
    void reportsAPayloadThatIsNotAnObjectAsTypeConstraintViolation() {
        assertEquals(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION,
                requestViolation(Ocpp16Action.Heartbeat, json("[]")).code());
    }

    // --- OccurrenceConstraintViolation ---

    @Test
    void reportsAMissingRequiredFieldInBootNotificationAsOccurrenceConstraintViolation() {
        ObjectNode boot = bootNotification();
        boot.remove("chargePointVendor");

        PayloadViolation v = requestViolation(Ocpp16Action.BootNotification, boot);

        assertEquals(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, v.code());
        assertEquals("$.chargePointVendor: required property missing", v.description());
        assertEquals("OccurenceConstraintViolation", v.code().spelling(OcppVersion.V16));
    }

    @Test
    void reportsAMissingStatusInStatusNotificationAsOccurrenceConstraintViolation() {
        ObjectNode status = statusNotification();
        status.remove("status");

        PayloadViolation v = requestViolation(Ocpp16Action.StatusNotification, status);

        assertEquals(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, v.code());
        assertEquals("$.status: required property missing", v.description());
    }

    @Test
    void reportsAMissingNestedValueInMeterValuesWithItsPath() {
        ObjectNode meter = meterValues();
        firstSampledValue(meter).remove("value");

        PayloadViolation v = requestViolation(Ocpp16Action.MeterValues, meter);

        assertEquals(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, v.code());
        assertEquals("$.meterValue[0].sampledValue[0].value: required property missing", v.description());
    }

    @Test
    void reportsAMissingTimestampInStartTransactionAsOccurrenceConstraintViolation() {
        ObjectNode start = startTransaction();
        start.remove("timestamp");

        assertEquals(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION,
                requestViolation(Ocpp16Action.StartTransaction, start).code());
    }

    // --- PropertyConstraintViolation ---

    @Test
    void reportsAStatusOutsideItsEnumAsPropertyConstraintViolation() {
        PayloadViolation v = requestViolation(Ocpp16Action.StatusNotification,
                statusNotification().put("status", "Broken"));

        assertEquals(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, v.code());
        assertEquals("$.status: value is not one of the allowed values", v.description());
    }

    @Test
    void reportsATooLongVendorInBootNotificationAsPropertyConstraintViolation() {
        PayloadViolation v = requestViolation(Ocpp16Action.BootNotification,
                bootNotification().put("chargePointVendor", "V".repeat(21)));

        assertEquals(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, v.code());
        assertEquals("$.chargePointVendor: longer than 20 characters", v.description());
    }

    @Test
    void reportsATooLongIdTagInStartTransactionAsPropertyConstraintViolation() {
        assertEquals(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                requestViolation(Ocpp16Action.StartTransaction, startTransaction().put("idTag", "X".repeat(21))).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2013-02-01", "2013-02-01 20:53:32Z", ""})
    void reportsANonDateTimeTimestampAsPropertyConstraintViolation(String timestamp) {
        PayloadViolation v = requestViolation(Ocpp16Action.StatusNotification,
                statusNotification().put("timestamp", timestamp));

        assertEquals(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, v.code());
        assertEquals("$.timestamp: not a valid date-time", v.description());
    }

    @Test
    void reportsAnUnknownMeasurandInMeterValuesAsPropertyConstraintViolation() {
        ObjectNode meter = meterValues();
        firstSampledValue(meter).put("measurand", "Energy.Magic");

        PayloadViolation v = requestViolation(Ocpp16Action.MeterValues, meter);

        assertEquals(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, v.code());
        assertEquals("$.meterValue[0].sampledValue[0].measurand: value is not one of the allowed values", v.description());
    }

    @Test
    void reportsAnInvalidUriAsPropertyConstraintViolation() {
        ObjectNode update = (ObjectNode) json(Ocpp16Examples.REQUESTS.get(Ocpp16Action.UpdateFirmware));
        update.put("location", "not a uri");

        PayloadViolation v = requestViolation(Ocpp16Action.UpdateFirmware, update);

        assertEquals(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, v.code());
        assertEquals("$.location: not a valid uri", v.description());
    }

    @Test
    void reportsALimitThatIsNotAMultipleOfATenthAsPropertyConstraintViolation() {
        ObjectNode set = (ObjectNode) json(Ocpp16Examples.REQUESTS.get(Ocpp16Action.SetChargingProfile));
        ((ObjectNode) set.get("csChargingProfiles").get("chargingSchedule").get("chargingSchedulePeriod").get(0))
                .put("limit", 16.15);

        PayloadViolation v = requestViolation(Ocpp16Action.SetChargingProfile, set);

        assertEquals(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, v.code());
        assertTrue(v.description().startsWith("$.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit:"),
                v.description());
    }

    // --- FormatViolation: properties the schema does not define ---

    @Test
    void reportsAnUnknownTopLevelPropertyAsFormatViolation() {
        PayloadViolation v = requestViolation(Ocpp16Action.BootNotification, bootNotification().put("colour", "red"));

        assertEquals(RpcErrorCode.FORMAT_VIOLATION, v.code());
        assertEquals("$.colour: property not defined by the schema", v.description());
        assertEquals("FormationViolation", v.code().spelling(OcppVersion.V16));
    }

    @Test
    void rejectsAnUnknownPropertyInsideSampledValue() {
        // OCPP-J 1.6 errata §3.2: inner objects forbid extra fields too
        ObjectNode meter = meterValues();
        firstSampledValue(meter).put("signature", "abc");

        PayloadViolation v = requestViolation(Ocpp16Action.MeterValues, meter);

        assertEquals(RpcErrorCode.FORMAT_VIOLATION, v.code());
        assertEquals("$.meterValue[0].sampledValue[0].signature: property not defined by the schema", v.description());
    }

    @Test
    void rejectsAnUnknownPropertyInsideIdTagInfoOfAResponse() {
        JsonNode response = json("{\"idTagInfo\": {\"status\": \"Accepted\", \"groupId\": \"x\"}}");

        Optional<PayloadViolation> v = strict.validateResponse(Ocpp16Action.Authorize, response);

        assertEquals(RpcErrorCode.FORMAT_VIOLATION, v.orElseThrow().code());
    }

    @Test
    void ignoresUnknownPropertiesAtEveryDepthWhenRelaxed() {
        ObjectNode meter = meterValues().put("vendorExtension", 1);
        firstSampledValue(meter).put("signature", "abc");
        ((ObjectNode) meter.get("meterValue").get(0)).put("meterSerial", "M1");

        assertEquals(Optional.empty(), relaxed.validateRequest(Ocpp16Action.MeterValues, meter));
        assertEquals(Optional.empty(), relaxed.validateRequest(Ocpp16Action.BootNotification,
                bootNotification().put("colour", "red")));
    }

    @Test
    void stillEnforcesEverythingElseWhenRelaxed() {
        ObjectNode boot = bootNotification().put("colour", "red");
        boot.remove("chargePointModel");

        Optional<PayloadViolation> v = relaxed.validateRequest(Ocpp16Action.BootNotification, boot);

        assertEquals(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, v.orElseThrow().code());
    }

    // --- several problems at once ---

    @Test
    void reportsTypeBeforeOccurrenceBeforeFormatBeforeProperty() {
        ObjectNode status = statusNotification().put("status", "Broken").put("extra", true).put("connectorId", "one");
        status.remove("errorCode");
        assertEquals(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, requestViolation(Ocpp16Action.StatusNotification, status).code());

        status.put("connectorId", 1);
        assertEquals(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION,
                requestViolation(Ocpp16Action.StatusNotification, status).code());

        status.put("errorCode", "NoError");
        assertEquals(RpcErrorCode.FORMAT_VIOLATION, requestViolation(Ocpp16Action.StatusNotification, status).code());

        status.remove("extra");
        assertEquals(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                requestViolation(Ocpp16Action.StatusNotification, status).code());
    }

    @Test
    void picksTheSameViolationEveryTimeAmongEquals() {
        ObjectNode boot = MAPPER.createObjectNode();

        PayloadViolation first = requestViolation(Ocpp16Action.BootNotification, boot);
        for (int i = 0; i < 20; i++) {
            assertEquals(first, requestViolation(Ocpp16Action.BootNotification, boot));
        }
        assertEquals("$.chargePointModel: required property missing", first.description(),
                "lexically smallest path wins among equal codes");
    }

    @Test
    void keepsDescriptionsShortEvenForHostileInput() {
        PayloadViolation v = requestViolation(Ocpp16Action.Heartbeat,
                MAPPER.createObjectNode().put("x".repeat(5000), 1));

        assertEquals(RpcErrorCode.FORMAT_VIOLATION, v.code());
        assertTrue(v.description().length() <= PayloadViolation.MAX_DESCRIPTION_LENGTH);
    }

    // --- cost ---

    @Test
    void validatesATypicalMeterValuesInWellUnderAMillisecond() {
        JsonNode meter = meterValues();
        for (int i = 0; i < 20_000; i++) { // warm up the JIT
            strict.validateRequest(Ocpp16Action.MeterValues, meter);
        }
        int runs = 50_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            if (strict.validateRequest(Ocpp16Action.MeterValues, meter).isPresent()) {
                throw new AssertionError("example must stay valid");
            }
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / runs;
        System.out.printf("Ocpp16Schemas: %.1f µs per MeterValues validation (6 sampled values, %d runs)%n",
                micros, runs);
        assertTrue(micros < 1_000, "validation took " + micros + " µs");
    }
}
