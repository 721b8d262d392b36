package io.voltgate.chargermgmt.ocpp.frame;

import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes WebSocket text into {@link OcppFrame}s and encodes frames back to text (OCPP-J 1.6
 * §4, 2.0.1 Part 4 §4).
 *
 * <p>One instance is meant to be shared by every session: it holds a single Jackson
 * {@link JsonMapper}, which is thread-safe once built, and no other state. Each frame is
 * parsed once into a tree and checked by looking at node kinds; the payload node of that tree
 * becomes the frame's payload without copying, so validating it later costs no second parse.
 *
 * <p>Decoding rules, checked in this order (the first failure wins):
 * <ol>
 *   <li>not JSON at all → {@code FormatViolation}, id {@code "-1"};</li>
 *   <li>not a non-empty JSON array → {@code ProtocolError}, id {@code "-1"};</li>
 *   <li>message type not an integer, or not 2, 3 or 4 → {@code ProtocolError};</li>
 *   <li>message id not a string, empty, or longer than 36 characters (OCPP-J 1.6 §4.1.4)
 *       → {@code ProtocolError};</li>
 *   <li>wrong number of elements for the type (CALL 4, CALLRESULT 3, CALLERROR 5)
 *       → {@code ProtocolError};</li>
 *   <li>action, error code or error description not a string → {@code ProtocolError};</li>
 *   <li>payload or error details not a JSON object → {@code FormatViolation}.</li>
 * </ol>
 * The message id is reported whenever it is a non-empty string, even if a later rule (or the
 * length rule) fails, so that the CALLERROR can still be matched by the charger.
 *
 * <p>A {@code null} payload is read as an empty object: OCPP-J 1.6 §4.2.1/§4.2.2 allow both
 * notations for "no payload" and only recommend {@code {}}.
 */
public final class FrameCodec {

    /** OCPP-J 1.6 §4.1.4, table 3: message ids are at most 36 characters (a UUID). */
    public static final int MAX_MESSAGE_ID_LENGTH = 36;

    private final JsonMapper mapper;

    /** A codec with its own mapper; build one per server and share it. */
    public FrameCodec() {
        this(JsonMapper.builder()
                // "[2,\"a\",\"B\",{}] garbage" is not one JSON value: reject it rather than ignore the tail.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build());
    }

    /** A codec around a given mapper (it must not be reconfigured afterwards). */
    public FrameCodec(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** The mapper behind this codec, for building and reading payload trees. */
    public JsonMapper mapper() {
        return mapper;
    }

    /**
     * Parses one WebSocket text message into a frame.
     *
     * @throws FrameException when the text is not a well-formed OCPP-J frame; the exception
     *     says which id and type could still be read
     */
    public OcppFrame decode(String text) throws FrameException {
        JsonNode root;
        try {
            root = text == null ? null : mapper.readTree(text);
        } catch (JacksonException e) {
            throw new FrameException(FrameException.UNKNOWN_MESSAGE_ID, -1, RpcErrorCode.FORMAT_VIOLATION,
                    "Message is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new FrameException(FrameException.UNKNOWN_MESSAGE_ID, -1, RpcErrorCode.FORMAT_VIOLATION,
                    "Message is empty");
        }
        if (!root.isArray() || root.isEmpty()) {
            throw new FrameException(FrameException.UNKNOWN_MESSAGE_ID, -1, RpcErrorCode.PROTOCOL_ERROR,
                    "Message is not a JSON array [MessageTypeId, MessageId, ...]");
        }

        JsonNode typeNode = root.get(0);
        int typeId = typeNode.isIntegralNumber() && typeNode.canConvertToInt() ? typeNode.intValue() : -1;
        String id = readableId(root);

        if (typeId == -1) {
            throw new FrameException(id, -1, RpcErrorCode.PROTOCOL_ERROR, "MessageTypeId is not an integer");
        }
        if (typeId != Call.TYPE_ID && typeId != CallResult.TYPE_ID && typeId != CallError.TYPE_ID) {
            // OCPP-J 1.6 §4.1.3: a server SHALL ignore the payload of an unknown message type.
            throw new FrameException(id, typeId, RpcErrorCode.PROTOCOL_ERROR,
                    "Unknown MessageTypeId " + typeId);
        }

        JsonNode idNode = root.get(1);
        if (idNode == null || !idNode.isString()) {
            throw new FrameException(id, typeId, RpcErrorCode.PROTOCOL_ERROR, "MessageId is not a string");
        }
        String messageId = idNode.stringValue();
        if (messageId.isEmpty()) {
            throw new FrameException(id, typeId, RpcErrorCode.PROTOCOL_ERROR, "MessageId is empty");
        }
        if (messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            throw new FrameException(id, typeId, RpcErrorCode.PROTOCOL_ERROR,
                    "MessageId is longer than " + MAX_MESSAGE_ID_LENGTH + " characters");
        }

        int expected = switch (typeId) {
            case Call.TYPE_ID -> 4;
            case CallResult.TYPE_ID -> 3;
            default -> 5;
        };
        if (root.size() != expected) {
            throw new FrameException(messageId, typeId, RpcErrorCode.PROTOCOL_ERROR,
                    frameName(typeId) + " must have " + expected + " elements, not " + root.size());
        }

        return switch (typeId) {
            case Call.TYPE_ID -> new Call(messageId,
                    string(root.get(2), messageId, typeId, "Action"),
                    object(root.get(3), messageId, typeId, "Payload"));
            case CallResult.TYPE_ID -> new CallResult(messageId,
                    object(root.get(2), messageId, typeId, "Payload"));
            default -> new CallError(messageId,
                    string(root.get(2), messageId, typeId, "ErrorCode"),
                    string(root.get(3), messageId, typeId, "ErrorDescription"),
                    object(root.get(4), messageId, typeId, "ErrorDetails"));
        };
    }

    /** Writes a frame as OCPP-J text: {@code [2,"id","Action",{...}]}, {@code [3,"id",{...}]}, {@code [4,...]}. */
    public String encode(OcppFrame frame) {
        ArrayNode array = mapper.createArrayNode();
        array.add(frame.messageTypeId());
        array.add(frame.messageId());
        // Java 17: no pattern matching in switch yet, and OcppFrame is sealed to these three.
        if (frame instanceof Call call) {
            array.add(call.action()).add(call.payload());
        } else if (frame instanceof CallResult result) {
            array.add(result.payload());
        } else {
            CallError error = (CallError) frame;
            array.add(error.errorCode()).add(error.errorDescription()).add(error.errorDetails());
        }
        return mapper.writeValueAsString(array);
    }

    /** The id as far as it can be used to answer: a non-empty string, else "-1". */
    private static String readableId(JsonNode root) {
        JsonNode idNode = root.get(1);
        if (idNode != null && idNode.isString() && !idNode.stringValue().isEmpty()) {
            return idNode.stringValue();
        }
        return FrameException.UNKNOWN_MESSAGE_ID;
    }

    private static String string(JsonNode node, String messageId, int typeId, String what) throws FrameException {
        if (node == null || !node.isString()) {
            throw new FrameException(messageId, typeId, RpcErrorCode.PROTOCOL_ERROR, what + " is not a string");
        }
        return node.stringValue();
    }

    private ObjectNode object(JsonNode node, String messageId, int typeId, String what) throws FrameException {
        if (node instanceof ObjectNode obj) {
            return obj;
        }
        if (node != null && node.isNull()) {
            return mapper.createObjectNode();
        }
        throw new FrameException(messageId, typeId, RpcErrorCode.FORMAT_VIOLATION, what + " is not a JSON object");
    }

    private static String frameName(int typeId) {
        return switch (typeId) {
            case Call.TYPE_ID -> "CALL";
            case CallResult.TYPE_ID -> "CALLRESULT";
            default -> "CALLERROR";
        };
    }
}
