/**
 * The OCPP-J RPC framing, independent of the OCPP version: the three frame shapes
 * ({@link io.voltgate.chargermgmt.ocpp.frame.Call}, {@link io.voltgate.chargermgmt.ocpp.frame.CallResult},
 * {@link io.voltgate.chargermgmt.ocpp.frame.CallError}), the codec that turns WebSocket text
 * into frames and back ({@link io.voltgate.chargermgmt.ocpp.frame.FrameCodec}), the negotiated
 * sub-protocol ({@link io.voltgate.chargermgmt.ocpp.frame.OcppVersion}) and the CALLERROR codes
 * with each version's spelling ({@link io.voltgate.chargermgmt.ocpp.frame.RpcErrorCode}).
 *
 * <p>Payloads stay Jackson trees here; what an action's payload must contain belongs to the
 * version packages ({@code ocpp.v16}). Nothing in this package knows about stations, sessions
 * or persistence.
 */
package io.voltgate.chargermgmt.ocpp.frame;
