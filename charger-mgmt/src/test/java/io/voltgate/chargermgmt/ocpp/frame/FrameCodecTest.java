package io.voltgate.chargermgmt.ocpp.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void decodesTheSpecsBootNotificationCall() throws FrameException {
        OcppFrame frame = codec.decode("[2, \"19223201\", \"BootNotification\","
                + " {\"chargePointVendor\": \"VendorX\", \"chargePointModel\": \"SingleSocketCharger\"}]");

        Call call = assertInstanceOf(Call.class, frame);
        assertEquals("19223201", call.messageId());
        assertEquals("BootNotification", call.action());
        assertEquals("VendorX", call.payload().get("chargePointVendor").stringValue());
        assertEquals(2, call.messageTypeId());
    }

    @Test
    void roundTripsACall() throws FrameException {
        ObjectNode payload = codec.mapper().createObjectNode().put("connectorId", 1).put("idTag", "ABC");
        Call call = new Call("id-1", "Authorize", payload);

        String text = codec.encode(call);

        assertEquals("[2,\"id-1\",\"Authorize\",{\"connectorId\":1,\"idTag\":\"ABC\"}]", text);
        assertEquals(call, codec.decode(text));
    }

    @Test
    void roundTripsACallResult() throws FrameException {
        ObjectNode payload = codec.mapper().createObjectNode()
                .put("status", "Accepted").put("currentTime", "2013-02-01T20:53:32.486Z").put("interval", 300);
        CallResult result = new CallResult("19223201", payload);

        String text = codec.encode(result);

        assertEquals("[3,\"19223201\",{\"status\":\"Accepted\",\"currentTime\":\"2013-02-01T20:53:32.486Z\","
                + "\"interval\":300}]", text);
        assertEquals(result, codec.decode(text));
    }

    @Test
    void roundTripsACallErrorFromTheErrataExample() throws FrameException {
        // OCPP-J 1.6 errata §3.9
        String text = "[4,\"162376037\",\"NotSupported\",\"SendLocalList.req not implemented\",{}]";

        CallError error = assertInstanceOf(CallError.class, codec.decode(text));

        assertEquals("162376037", error.messageId());
        assertEquals("NotSupported", error.errorCode());
        assertEquals("SendLocalList.req not implemented", error.errorDescription());
        assertTrue(error.errorDetails().isEmpty());
        assertEquals(text, codec.encode(error));
    }

    @Test
    void encodesACallErrorWithTheVersionsSpelling() {
        CallError error = CallError.of("42", RpcErrorCode.FORMAT_VIOLATION, OcppVersion.V16, null);

        assertEquals("[4,\"42\",\"FormationViolation\",\"\",{}]", codec.encode(error));
    }

    @Test
    void keepsNonAsciiTextIntact() throws FrameException {
        Call call = assertInstanceOf(Call.class,
                codec.decode("[2,\"1\",\"DataTransfer\",{\"vendorId\":\"Zürich ⚡\"}]"));

        assertEquals("Zürich ⚡", call.payload().get("vendorId").stringValue());
    }

    @Test
    void readsANullPayloadAsAnEmptyObject() throws FrameException {
        // OCPP-J 1.6 §4.2.1: null and {} both mean "no payload"
        Call call = assertInstanceOf(Call.class, codec.decode("[2,\"1\",\"Heartbeat\",null]"));

        assertTrue(call.payload().isEmpty());
    }

    @Test
    void acceptsAMessageIdOfExactly36Characters() throws FrameException {
        String uuid = "0b9e6b4c-2a7c-4f3e-9d52-8a1d2f3c4b5a";

        assertEquals(uuid, codec.decode("[2,\"" + uuid + "\",\"Heartbeat\",{}]").messageId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2,\"1\",\"Heartbeat\",{}", "not json", "", "[2,\"1\",\"Heartbeat\",{}] trailing"})
    void reportsUnparsableJsonAsFormatViolationWithUnknownId(String text) {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode(text));

        assertEquals(RpcErrorCode.FORMAT_VIOLATION, e.code());
        assertEquals("-1", e.messageId());
        assertEquals(-1, e.messageTypeId());
        assertTrue(e.mayAnswer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"messageId\":\"1\"}", "[]", "\"2\"", "42"})
    void reportsAFrameThatIsNotANonEmptyArrayAsProtocolErrorWithUnknownId(String text) {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode(text));

        assertEquals(RpcErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals("-1", e.messageId());
        assertEquals(-1, e.messageTypeId());
    }

    @Test
    void reportsANonIntegerMessageTypeAsProtocolErrorButKeepsTheId() {
        FrameException e = assertThrows(FrameException.class,
                () -> codec.decode("[\"2\",\"abc\",\"Heartbeat\",{}]"));

        assertEquals(RpcErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals("abc", e.messageId());
        assertEquals(-1, e.messageTypeId());
    }

    @Test
    void reportsAnUnknownMessageTypeWithItsNumber() {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode("[5,\"abc\",\"Heartbeat\",{}]"));

        assertEquals(RpcErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals("abc", e.messageId());
        assertEquals(5, e.messageTypeId());
    }

    @Test
    void reportsANonStringMessageIdWithUnknownId() {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode("[2,19223201,\"Heartbeat\",{}]"));

        assertEquals(RpcErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals("-1", e.messageId());
        assertEquals(2, e.messageTypeId());
        assertTrue(e.mayAnswer());
    }

    @Test
    void reportsAnEmptyMessageIdWithUnknownId() {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode("[2,\"\",\"Heartbeat\",{}]"));

        assertEquals(RpcErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals("-1", e.messageId());
    }

    @Test
    void reportsAMessageIdLongerThan36CharactersAsProtocolError() {
        String id = "x".repeat(37);

        FrameException e = assertThrows(FrameException.class, () -> codec.decode("[2,\"" + id + "\",\"Heartbeat\",{}]"));

        assertEquals(RpcErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals(id, e.messageId(), "the id is readable, so the CALLERROR can still be matched");
        assertEquals(2, e.messageTypeId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2,\"7\",\"Heartbeat\"]", "[2,\"7\",\"Heartbeat\",{},{}]", "[3,\"7\"]",
        "[3,\"7\",{},{}]", "[4,\"7\",\"GenericError\",\"\"]", "[2,\"7\"]"})
    void reportsAWrongElementCountAsProtocolErrorWithTheId(String text) {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode(text));

        assertEquals(RpcErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals("7", e.messageId());
    }

    @Test
    void reportsANonStringActionAsProtocolError() {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode("[2,\"7\",42,{}]"));

        assertEquals(RpcErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals("7", e.messageId());
        assertEquals(2, e.messageTypeId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2,\"7\",\"Heartbeat\",[]]", "[2,\"7\",\"Heartbeat\",\"{}\"]", "[2,\"7\",\"Heartbeat\",1]"})
    void reportsAPayloadThatIsNotAnObjectAsFormatViolation(String text) {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode(text));

        assertEquals(RpcErrorCode.FORMAT_VIOLATION, e.code());
        assertEquals("7", e.messageId());
        assertEquals(2, e.messageTypeId());
    }

    @Test
    void marksAMalformedCallResultAsNotToBeAnswered() {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode("[3,\"7\",\"oops\"]"));

        assertEquals(3, e.messageTypeId());
        assertFalse(e.mayAnswer());
    }

    @Test
    void marksAMalformedCallErrorAsNotToBeAnswered() {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode("[4,\"7\",5,\"\",{}]"));

        assertEquals(RpcErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals(4, e.messageTypeId());
        assertFalse(e.mayAnswer());
    }

    @Test
    void turnsAFrameExceptionIntoAnAnsweringCallError() {
        FrameException e = assertThrows(FrameException.class, () -> codec.decode("[2,\"7\",\"Heartbeat\",[]]"));

        assertEquals("[4,\"7\",\"FormationViolation\",\"Payload is not a JSON object\",{}]",
                codec.encode(e.toCallError(OcppVersion.V16)));
    }
}
