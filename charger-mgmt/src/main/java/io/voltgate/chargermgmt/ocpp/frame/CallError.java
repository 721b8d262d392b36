package io.voltgate.chargermgmt.ocpp.frame;

import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CALLERROR, {@code [4, "<messageId>", "<errorCode>", "<errorDescription>", {<errorDetails>}]}
 * (OCPP-J 1.6 §4.2.3): the answer to a CALL that could not be handled.
 *
 * <p>{@code errorCode} is kept as the string on the wire, so that a peer's code this server
 * does not know (or a 1.6 typo) survives decoding; build outgoing errors with
 * {@link #of(String, RpcErrorCode, OcppVersion, String)} to get the version's spelling.
 *
 * @param messageId the id of the CALL this answers, {@code "-1"} when it could not be read
 * @param errorCode the error code as spelled on the wire
 * @param errorDescription a human-readable description, {@code ""} when there is none
 * @param errorDetails details in no defined form, an empty object when there are none
 */
public record CallError(String messageId, String errorCode, String errorDescription, ObjectNode errorDetails)
        implements OcppFrame {

    /** The CALLERROR message type number. */
    public static final int TYPE_ID = 4;

    public CallError {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorDescription, "errorDescription");
        Objects.requireNonNull(errorDetails, "errorDetails");
    }

    /**
     * A CALLERROR with empty details, its code spelled the way {@code version} spells it.
     * A {@code null} description becomes {@code ""} (OCPP-J 1.6 §4.2.3: "otherwise a clear
     * empty string").
     */
    public static CallError of(String messageId, RpcErrorCode code, OcppVersion version, String description) {
        return new CallError(messageId, code.spelling(version), description == null ? "" : description,
                JsonNodeFactory.instance.objectNode());
    }

    @Override
    public int messageTypeId() {
        return TYPE_ID;
    }
}
