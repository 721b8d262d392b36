package io.voltgate.chargermgmt.ocpp.frame;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CALLRESULT, {@code [3, "<messageId>", {<payload>}]} (OCPP-J 1.6 §4.2.2): the successful
 * answer to the CALL with the same id. A response that says "Rejected" is still a CALLRESULT.
 *
 * <p>The payload is not copied: treat it as read-only once the frame has been built.
 *
 * @param messageId the id of the CALL this answers
 * @param payload the response payload, an empty object when there are no fields
 */
public record CallResult(String messageId, ObjectNode payload) implements OcppFrame {

    /** The CALLRESULT message type number. */
    public static final int TYPE_ID = 3;

    public CallResult {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public int messageTypeId() {
        return TYPE_ID;
    }
}
