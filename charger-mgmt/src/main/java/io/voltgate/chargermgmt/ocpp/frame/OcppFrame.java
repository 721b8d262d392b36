package io.voltgate.chargermgmt.ocpp.frame;

/**
 * One OCPP-J RPC message: a request ({@link Call}), its result ({@link CallResult}) or its
 * error ({@link CallError}) (OCPP-J 1.6 §4.2). Sealed so that dispatch can switch over the
 * three shapes exhaustively.
 */
public sealed interface OcppFrame permits Call, CallResult, CallError {

    /** The unique message id that pairs a CALL with its answer (OCPP-J 1.6 §4.1.4). */
    String messageId();

    /** The message type number written first in the frame: 2, 3 or 4. */
    int messageTypeId();
}
