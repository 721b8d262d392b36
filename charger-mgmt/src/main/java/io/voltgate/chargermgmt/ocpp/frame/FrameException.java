package io.voltgate.chargermgmt.ocpp.frame;

/**
 * A WebSocket text message that is not a well-formed OCPP-J frame, with what could still be
 * read from it so that the caller can decide whether and how to answer.
 *
 * <ul>
 *   <li>{@link #messageId()} is the frame's id when it was a non-empty JSON string, otherwise
 *       the literal {@code "-1"} that OCPP-J prescribes for an unreadable id
 *       (OCPP 2.0.1 Part 4 §4.2.3; the 1.6 contract uses the same convention).</li>
 *   <li>{@link #messageTypeId()} is the message type number when the first element was an
 *       integer, otherwise {@code -1}.</li>
 * </ul>
 *
 * <p>Only a CALL (or something whose type could not be read) may be answered with a CALLERROR;
 * a malformed CALLRESULT or CALLERROR must not be answered at all, or two peers could bounce
 * errors at each other forever. {@link #mayAnswer()} encodes that rule.
 */
public final class FrameException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The message id used when the frame's own id cannot be read. */
    public static final String UNKNOWN_MESSAGE_ID = "-1";

    private final String messageId;
    private final int messageTypeId;
    private final RpcErrorCode code;

    public FrameException(String messageId, int messageTypeId, RpcErrorCode code, String description) {
        super(description);
        this.messageId = messageId == null ? UNKNOWN_MESSAGE_ID : messageId;
        this.messageTypeId = messageTypeId;
        this.code = code;
    }

    /** The frame's message id, or {@code "-1"} when it could not be read. */
    public String messageId() {
        return messageId;
    }

    /** The message type number if it was an integer (possibly not 2, 3 or 4), else {@code -1}. */
    public int messageTypeId() {
        return messageTypeId;
    }

    /** The CALLERROR code that describes the problem. */
    public RpcErrorCode code() {
        return code;
    }

    /** Human-readable description, suitable as the CALLERROR {@code errorDescription}. */
    public String description() {
        return getMessage();
    }

    /**
     * Whether the sender may be answered with a CALLERROR: true unless the frame was
     * recognisably a CALLRESULT (3) or CALLERROR (4).
     */
    public boolean mayAnswer() {
        return messageTypeId != CallResult.TYPE_ID && messageTypeId != CallError.TYPE_ID;
    }

    /** The CALLERROR that answers this problem, its code spelled for {@code version}. */
    public CallError toCallError(OcppVersion version) {
        return CallError.of(messageId, code, version, getMessage());
    }
}
