package io.voltgate.chargermgmt.ocpp.frame;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CALL, {@code [2, "<messageId>", "<action>", {<payload>}]} (OCPP-J 1.6 §4.2.1).
 *
 * <p>The payload is the decoded Jackson tree and is not copied: treat it as read-only once
 * the frame has been built.
 *
 * @param messageId the id the answer must repeat
 * @param action the case-sensitive action name, e.g. {@code BootNotification}
 * @param payload the request payload, an empty object when there are no fields
 */
public record Call(String messageId, String action, ObjectNode payload) implements OcppFrame {

    /** The CALL message type number. */
    public static final int TYPE_ID = 2;

    public Call {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public int messageTypeId() {
        return TYPE_ID;
    }
}
