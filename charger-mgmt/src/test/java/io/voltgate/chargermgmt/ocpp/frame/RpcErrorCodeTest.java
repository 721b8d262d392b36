package io.voltgate.chargermgmt.ocpp.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RpcErrorCodeTest {

    @Test
    void ocpp16KeepsTheTwoMisspellingsFromTheSpec() {
        assertEquals("FormationViolation", RpcErrorCode.FORMAT_VIOLATION.spelling(OcppVersion.V16));
        assertEquals("OccurenceConstraintViolation",
                RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION.spelling(OcppVersion.V16));
    }

    @Test
    void ocpp201SpellsThemCorrectly() {
        assertEquals("FormatViolation", RpcErrorCode.FORMAT_VIOLATION.spelling(OcppVersion.V201));
        assertEquals("OccurrenceConstraintViolation",
                RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION.spelling(OcppVersion.V201));
        assertEquals("RpcFrameworkError", RpcErrorCode.RPC_FRAMEWORK_ERROR.spelling(OcppVersion.V201));
    }

    @Test
    void ocpp16SpellsTheCommonCodesAsInTable7() {
        assertEquals("NotImplemented", RpcErrorCode.NOT_IMPLEMENTED.spelling(OcppVersion.V16));
        assertEquals("NotSupported", RpcErrorCode.NOT_SUPPORTED.spelling(OcppVersion.V16));
        assertEquals("InternalError", RpcErrorCode.INTERNAL_ERROR.spelling(OcppVersion.V16));
        assertEquals("ProtocolError", RpcErrorCode.PROTOCOL_ERROR.spelling(OcppVersion.V16));
        assertEquals("SecurityError", RpcErrorCode.SECURITY_ERROR.spelling(OcppVersion.V16));
        assertEquals("PropertyConstraintViolation",
                RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION.spelling(OcppVersion.V16));
        assertEquals("TypeConstraintViolation", RpcErrorCode.TYPE_CONSTRAINT_VIOLATION.spelling(OcppVersion.V16));
        assertEquals("GenericError", RpcErrorCode.GENERIC_ERROR.spelling(OcppVersion.V16));
    }

    @Test
    void ocpp16HasNoRpcFrameworkCodesAndFallsBackToItsOwn() {
        assertEquals("GenericError", RpcErrorCode.MESSAGE_TYPE_NOT_SUPPORTED.spelling(OcppVersion.V16));
        assertEquals("ProtocolError", RpcErrorCode.RPC_FRAMEWORK_ERROR.spelling(OcppVersion.V16));
    }
}
