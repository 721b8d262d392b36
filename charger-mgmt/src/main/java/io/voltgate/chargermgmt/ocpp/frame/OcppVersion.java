package io.voltgate.chargermgmt.ocpp.frame;

import java.util.Optional;

/**
 * An OCPP version as negotiated in the WebSocket handshake, named by its
 * {@code Sec-WebSocket-Protocol} token (OCPP-J 1.6 §3.1.2, OCPP 2.0.1 Part 4 §3.1.2).
 *
 * <p>The version decides which schemas validate payloads and how CALLERROR codes are spelled
 * (see {@link RpcErrorCode#spelling(OcppVersion)}).
 */
public enum OcppVersion {
    V16("ocpp1.6"),
    V201("ocpp2.0.1");

    private final String subprotocol;

    OcppVersion(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    /** The sub-protocol token exactly as sent in {@code Sec-WebSocket-Protocol}. */
    public String subprotocol() {
        return subprotocol;
    }

    /**
     * The version for a sub-protocol token. Tokens are compared exactly: RFC 6455 §4.1 makes
     * sub-protocol names case-sensitive, and the OCPP-J texts spell them in lower case.
     */
    public static Optional<OcppVersion> fromSubprotocol(String token) {
        if (token == null) {
            return Optional.empty();
        }
        for (OcppVersion v : values()) {
            if (v.subprotocol.equals(token)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
