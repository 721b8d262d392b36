package io.voltgate.chargermgmt.ocpp.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OcppVersionTest {

    @Test
    void findsVersionsByTheirExactSubprotocolToken() {
        assertEquals(Optional.of(OcppVersion.V16), OcppVersion.fromSubprotocol("ocpp1.6"));
        assertEquals(Optional.of(OcppVersion.V201), OcppVersion.fromSubprotocol("ocpp2.0.1"));
        assertEquals("ocpp1.6", OcppVersion.V16.subprotocol());
    }

    @Test
    void refusesUnknownOrDifferentlySpelledTokens() {
        assertTrue(OcppVersion.fromSubprotocol("ocpp1.5").isEmpty());
        assertTrue(OcppVersion.fromSubprotocol("OCPP1.6").isEmpty());
        assertTrue(OcppVersion.fromSubprotocol(null).isEmpty());
    }
}
