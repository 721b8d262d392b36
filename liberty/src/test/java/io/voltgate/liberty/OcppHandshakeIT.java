package io.voltgate.liberty;

import static io.voltgate.liberty.support.ItEnvironment.newStationId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.voltgate.liberty.support.AdminApi;
import io.voltgate.liberty.support.ItEnvironment;
import io.voltgate.liberty.support.OcppTestClient;
import io.voltgate.liberty.support.OcppTestClient.CloseStatus;
import io.voltgate.liberty.support.Payloads;

/**
 * The WebSocket handshake of CONTRACT.md §1: identity pattern (400), registration (404),
 * Basic credentials (401), and sub-protocol negotiation (101, or 101 + close 1002).
 */
class OcppHandshakeIT {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void refusesIdentityWithColonWith400() {
        assertEquals(400, OcppTestClient.handshakeStatus("IT:" + newStationId(), null, null, "ocpp1.6"));
    }

    @Test
    void refusesIdentityLongerThan48CharactersWith400() {
        String tooLong = "IT-" + "X".repeat(46);
        assertEquals(49, tooLong.length());
        assertEquals(400, OcppTestClient.handshakeStatus(tooLong, null, null, "ocpp1.6"));
    }

    @Test
    void checksIdentityPatternBeforeRegistration() {
        // a registered-looking but invalid id: the pattern check answers first (400, not 404)
        assertEquals(400, OcppTestClient.handshakeStatus("IT~" + newStationId(), null, null, "ocpp1.6"));
    }

    @Test
    void acceptsIdentityOf48CharactersFromTheWholeAllowedSet() {
        String id = ("IT*-_=+|@." + newStationId() + "abcdefghijklmnopqrstuvwxyz0123456789").substring(0, 48);
        AdminApi.registerStation(id);
        try (OcppTestClient client = OcppTestClient.connect(id)) {
            assertEquals("ocpp1.6", client.subprotocol());
            assertEquals("Accepted", client.bootAccepted().path("status").asString());
        }
    }

    @Test
    void refusesUnknownStationWith404() {
        assertEquals(404, OcppTestClient.handshakeStatus(newStationId(), null, null, "ocpp1.6"));
    }

    @Test
    void refusesMissingPasswordWith401() {
        String id = registerWithPassword("right-password-0001");
        assertEquals(401, OcppTestClient.handshakeStatus(id, null, null, "ocpp1.6"));
    }

    @Test
    void refusesWrongPasswordWith401() {
        String id = registerWithPassword("right-password-0002");
        assertEquals(401, OcppTestClient.handshakeStatus(id, id, "wrong-password", "ocpp1.6"));
    }

    @Test
    void refusesBasicUserOtherThanTheStationIdWith401() {
        String id = registerWithPassword("right-password-0003");
        assertEquals(401, OcppTestClient.handshakeStatus(id, "someone-else", "right-password-0003", "ocpp1.6"));
    }

    @Test
    void acceptsTheRightPassword() {
        String id = registerWithPassword("right-password-0004");
        try (OcppTestClient client = OcppTestClient.connect(id, "right-password-0004", "ocpp1.6")) {
            assertEquals("ocpp1.6", client.subprotocol());
            client.bootAccepted();
        }
    }

    @Test
    void neverReturnsTheStationPassword() {
        String id = registerWithPassword("right-password-0005");
        String body = AdminApi.getStation(id).body();
        assertFalse(body.contains("right-password-0005"), body);
    }

    @Test
    void negotiatesAndEchoesOcpp16() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connect(id, null, "ocpp1.6")) {
            assertEquals("ocpp1.6", client.subprotocol());
        }
    }

    @Test
    void picksTheFirstOfferedSubprotocolThatIsSupported() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connect(id, null, "ocpp2.0.1", "ocpp1.6")) {
            // ocpp2.0.1 may be supported later; either way the echo is an offered, supported one
            assertTrue(List.of("ocpp2.0.1", "ocpp1.6").contains(client.subprotocol()),
                    "echoed: '" + client.subprotocol() + "'");
        }
        try (OcppTestClient client = OcppTestClient.connect(id, null, "foo", "ocpp1.6")) {
            assertEquals("ocpp1.6", client.subprotocol(), "the unsupported 'foo' is skipped");
        }
    }

    @Test
    void closesWith1002WhenNoOfferedSubprotocolIsSupported() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connect(id, null, "foo")) {
            assertEquals("", client.subprotocol(), "no Sec-WebSocket-Protocol echoed");
            CloseStatus close = client.awaitClose(CLOSE_TIMEOUT);
            assertEquals(1002, close.code(), "close " + close);
        }
        assertFalse(AdminApi.station(id).path("connected").asBoolean(true), "no session was created");
    }

    @Test
    void closesWith1002WhenNoSubprotocolIsOffered() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connect(id, null)) {
            assertEquals("", client.subprotocol());
            CloseStatus close = client.awaitClose(CLOSE_TIMEOUT);
            assertEquals(1002, close.code(), "close " + close);
        }
        assertFalse(AdminApi.station(id).path("connected").asBoolean(true), "no session was created");
    }

    @Test
    void showsTheStationConnectedWithProtocolAndInstanceWhileItsSocketIsOpen() {
        String id = AdminApi.registerStation(newStationId());
        try (OcppTestClient client = OcppTestClient.connectAndBoot(id)) {
            var station = AdminApi.station(id);
            assertTrue(station.path("connected").asBoolean(false), station.toString());
            assertEquals("ocpp1.6", station.path("protocol").asString(""), station.toString());
            assertEquals("it-1", station.path("instance").asString(""), station.toString());
        }
        io.voltgate.liberty.support.Eventually.await(Duration.ofSeconds(5), () -> AdminApi.station(id),
                s -> !s.path("connected").asBoolean(true), "station shown disconnected after close");
    }

    @Test
    void upgradesWithoutCreatingAnHttpSession() throws Exception {
        // Liberty's WebSocket handshake asks for the HTTP session, which would create one per
        // charger (an object kept 30 minutes, a SecureRandom id, a JSESSIONID cookie on the 101)
        String id = AdminApi.registerStation(newStationId());
        try (Socket socket = new Socket("127.0.0.1", ItEnvironment.httpPort())) {
            socket.setSoTimeout(10_000);
            String key = Base64.getEncoder().encodeToString("voltgate-it-key!".getBytes(StandardCharsets.US_ASCII));
            String request = "GET /ocpp/" + id + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + ItEnvironment.httpPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: ocpp1.6\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String head = readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("sec-websocket-protocol: ocpp1.6"), head);
            assertFalse(head.toLowerCase(java.util.Locale.ROOT).contains("set-cookie"), head);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static String registerWithPassword(String password) {
        return AdminApi.registerStation(newStationId(), Payloads.object().put("password", password));
    }
}
