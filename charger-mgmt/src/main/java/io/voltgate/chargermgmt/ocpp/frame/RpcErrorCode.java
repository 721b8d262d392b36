package io.voltgate.chargermgmt.ocpp.frame;

/**
 * The CALLERROR error codes of OCPP-J (1.6 §4.2.3 table 7; 2.0.1 Part 4 §4.3).
 *
 * <p>The constants carry the corrected names; what goes on the wire is
 * {@link #spelling(OcppVersion)}. OCPP-J 1.6 spells two codes wrongly and the errata sheet
 * (§5.1, §5.2) keeps the typos on purpose, so a 1.6 charger receives
 * {@code FormationViolation} and {@code OccurenceConstraintViolation}; 2.0.1 uses the correct
 * spelling. {@link #MESSAGE_TYPE_NOT_SUPPORTED} and {@link #RPC_FRAMEWORK_ERROR} exist only in
 * 2.0.1; a 1.6 peer gets {@code GenericError} and {@code ProtocolError} for them instead.
 */
public enum RpcErrorCode {
    /** Requested action is not known by the receiver. */
    NOT_IMPLEMENTED("NotImplemented"),
    /** Requested action is recognised but not supported by the receiver. */
    NOT_SUPPORTED("NotSupported"),
    /** An internal error occurred and the receiver could not process the action. */
    INTERNAL_ERROR("InternalError"),
    /** Payload for the action is incomplete, or the frame itself is malformed. */
    PROTOCOL_ERROR("ProtocolError"),
    /** A security issue prevented the receiver from completing the action. */
    SECURITY_ERROR("SecurityError"),
    /** Payload is syntactically incorrect or does not conform to the PDU structure. */
    FORMAT_VIOLATION("FormatViolation"),
    /** Payload is syntactically correct but a field contains an invalid value. */
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
    /** Payload is syntactically correct but a field violates occurrence constraints. */
    OCCURRENCE_CONSTRAINT_VIOLATION("OccurrenceConstraintViolation"),
    /** Payload is syntactically correct but a field violates data type constraints. */
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation"),
    /** Any other error. */
    GENERIC_ERROR("GenericError"),
    /** 2.0.1 only: a message with an unknown message type id was received. */
    MESSAGE_TYPE_NOT_SUPPORTED("MessageTypeNotSupported"),
    /** 2.0.1 only: the content of the frame is not a valid RPC request. */
    RPC_FRAMEWORK_ERROR("RpcFrameworkError");

    private final String name;

    RpcErrorCode(String name) {
        this.name = name;
    }

    /** The code as the given version writes it in a CALLERROR. */
    public String spelling(OcppVersion version) {
        if (version == OcppVersion.V16) {
            return switch (this) {
                // OCPP-J 1.6 errata §5.2: "FormationViolation" stays, "might break implementations".
                case FORMAT_VIOLATION -> "FormationViolation";
                // OCPP-J 1.6 errata §5.1: the misspelling "Occurence" stays.
                case OCCURRENCE_CONSTRAINT_VIOLATION -> "OccurenceConstraintViolation";
                case MESSAGE_TYPE_NOT_SUPPORTED -> GENERIC_ERROR.name;
                case RPC_FRAMEWORK_ERROR -> PROTOCOL_ERROR.name;
                default -> name;
            };
        }
        return name;
    }
}
