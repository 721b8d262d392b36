package io.voltgate.liberty.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small but real OCPP-J charger for the integration tests, over the JDK's
 * {@link java.net.http.WebSocket}.
 *
 * <p>It sends CALLs and matches their CALLRESULT/CALLERROR by message id, sends raw text for
 * malformed-frame tests, queues the CALLs the server sends so a test can answer each one (or
 * not at all), and records how the server closed the socket. Text messages are assembled from
 * their fragments before they are parsed.
 */
public final class OcppTestClient implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    private final String stationId;
    private final Map<String, CompletableFuture<OcppReply>> pendingReplies = new ConcurrentHashMap<>();
    private final BlockingQueue<OcppReply> unmatchedReplies = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerCall> serverCalls = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> unparsableMessages = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private volatile WebSocket webSocket;

    private OcppTestClient(String stationId) {
        this.stationId = stationId;
    }

    // ------------------------------------------------------------------ connecting

    /** Connects without credentials, offering {@code ocpp1.6}. */
    public static OcppTestClient connect(String stationId) {
        return connect(stationId, null, "ocpp1.6");
    }

    /**
     * Connects, offering the given sub-protocols in order (none when empty). With a password,
     * sends {@code Authorization: Basic base64(stationId:password)}.
     *
     * @throws HandshakeRefused when the server answers the upgrade with an HTTP status
     */
    public static OcppTestClient connect(String stationId, String password, String... subprotocols) {
        return connectAs(stationId, stationId, password, subprotocols);
    }

    /** Like {@link #connect(String, String, String...)} with a Basic user name of choice. */
    public static OcppTestClient connectAs(String stationId, String basicUser, String password,
            String... subprotocols) {
        OcppTestClient client = new OcppTestClient(stationId);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (password != null) {
            String token = Base64.getEncoder()
                    .encodeToString((basicUser + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        try {
            client.webSocket = builder.buildAsync(URI.create(ItEnvironment.ocppUrl(stationId)), client.new Listener())
                    .get(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return client;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof WebSocketHandshakeException refused) {
                    throw new HandshakeRefused(refused.getResponse().statusCode(),
                            refused.getResponse().headers().map());
                }
            }
            throw new IllegalStateException("WebSocket connect to " + stationId + " failed", e);
        }
    }

    /**
     * The HTTP status of a handshake: 101 when it was upgraded (the socket is then closed
     * again), otherwise the status the server refused it with.
     */
    public static int handshakeStatus(String stationId, String basicUser, String password, String... subprotocols) {
        try (OcppTestClient client = connectAs(stationId, basicUser, password, subprotocols)) {
            return 101;
        } catch (HandshakeRefused refused) {
            return refused.status();
        }
    }

    /** Connects and sends an Accepted BootNotification, failing if it is not Accepted. */
    public static OcppTestClient connectAndBoot(String stationId) {
        OcppTestClient client = connect(stationId);
        client.bootAccepted();
        return client;
    }

    public String stationId() {
        return stationId;
    }

    /** The negotiated sub-protocol, "" when none. */
    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    // ------------------------------------------------------------------ sending CALLs

    public static String newMessageId() {
        return "it-" + MESSAGE_IDS.incrementAndGet() + "-" + ItEnvironment.randomSuffix(6);
    }

    /** Sends {@code [2,id,action,payload]} and returns the future reply. */
    public CompletableFuture<OcppReply> callAsync(String action, JsonNode payload) {
        String messageId = newMessageId();
        ArrayNode frame = JSON.createArrayNode().add(2).add(messageId).add(action).add(payload);
        return sendExpectingReply(messageId, frame.toString());
    }

    /** Sends a CALL and waits for its CALLRESULT or CALLERROR. */
    public OcppReply call(String action, JsonNode payload) {
        return await(callAsync(action, payload), "reply to " + action);
    }

    /** Sends a CALL, waits, and fails unless the answer is a CALLRESULT; returns its payload. */
    public JsonNode callExpectingResult(String action, JsonNode payload) {
        OcppReply reply = call(action, payload);
        if (!reply.isResult()) {
            throw new AssertionError(action + " expected a CALLRESULT but got " + reply);
        }
        return reply.payload();
    }

    public JsonNode bootAccepted() {
        JsonNode result = callExpectingResult("BootNotification", Payloads.bootNotification());
        if (!"Accepted".equals(result.path("status").asString(""))) {
            throw new AssertionError("BootNotification was not Accepted: " + result);
        }
        return result;
    }

    public JsonNode heartbeat() {
        return callExpectingResult("Heartbeat", JSON.createObjectNode());
    }

    /** Sends raw text whose reply will carry {@code messageId}; returns the future reply. */
    public CompletableFuture<OcppReply> sendExpectingReply(String messageId, String text) {
        CompletableFuture<OcppReply> reply = new CompletableFuture<>();
        if (pendingReplies.putIfAbsent(messageId, reply) != null) {
            throw new IllegalStateException("message id in use: " + messageId);
        }
        try {
            sendText(text);
        } catch (RuntimeException e) {
            pendingReplies.remove(messageId);
            throw e;
        }
        return reply;
    }

    /** Sends text as one final frame, exactly as given. */
    public synchronized void sendText(String text) {
        try {
            webSocket.sendText(text, true).get(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    /** A reply whose message id was not one this client was waiting for (e.g. {@code "-1"}). */
    public OcppReply awaitUnmatchedReply(Duration timeout) {
        try {
            OcppReply reply = unmatchedReplies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new AssertionError("no unmatched reply within " + timeout
                        + (closed.isDone() ? " (socket closed: " + closed.join() + ")" : ""));
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ CALLs from the server

    /** The next CALL the server sent, waiting up to {@code timeout}. */
    public ServerCall awaitServerCall(Duration timeout) {
        ServerCall call = pollServerCall(timeout);
        if (call == null) {
            throw new AssertionError("the server sent no CALL within " + timeout);
        }
        return call;
    }

    /** The next CALL the server sent, or null if none arrives within {@code timeout}. */
    public ServerCall pollServerCall(Duration timeout) {
        try {
            return serverCalls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ closing

    /** How the server closed the socket, waiting up to {@code timeout}. */
    public CloseStatus awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the socket was not closed within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new AssertionError("the socket failed instead of closing: " + e.getCause(), e.getCause());
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        WebSocket ws = webSocket;
        if (ws == null) {
            return;
        }
        if (!ws.isOutputClosed()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the server may already be gone; aborting below is enough
            }
        }
        try {
            closed.get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // no close frame back in time
        }
        ws.abort();
    }

    // ------------------------------------------------------------------ receiving

    private void onMessage(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (RuntimeException e) {
            unparsableMessages.add(text);
            return;
        }
        if (!frame.isArray() || frame.size() < 3 || !frame.get(0).isInt()) {
            unparsableMessages.add(text);
            return;
        }
        int type = frame.get(0).intValue();
        String messageId = frame.get(1).asString("");
        switch (type) {
            case 2 -> serverCalls.add(new ServerCall(this, messageId, frame.path(2).asString(""), frame.path(3)));
            case 3 -> complete(new OcppReply(messageId, true, frame.get(2), null, null, null));
            case 4 -> complete(new OcppReply(messageId, false, null, frame.path(2).asString(""),
                    frame.path(3).asString(""), frame.path(4)));
            default -> unparsableMessages.add(text);
        }
    }

    private void complete(OcppReply reply) {
        CompletableFuture<OcppReply> pending = pendingReplies.remove(reply.messageId());
        if (pending != null) {
            pending.complete(reply);
        } else {
            unmatchedReplies.add(reply);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder fragments = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            fragments.append(data);
            if (last) {
                String text = fragments.toString();
                fragments.setLength(0);
                onMessage(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(new CloseStatus(statusCode, reason));
            failPending(new IllegalStateException("socket closed " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
            failPending(error);
        }

        private void failPending(Throwable cause) {
            pendingReplies.values().forEach(f -> f.completeExceptionally(cause));
            pendingReplies.clear();
        }
    }

    static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " within " + DEFAULT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new AssertionError("no " + what + ": " + e.getCause(), e.getCause());
        }
    }

    // ------------------------------------------------------------------ value types

    /** A CALLRESULT ({@code result == true}, payload) or a CALLERROR (code, description, details). */
    public record OcppReply(String messageId, boolean isResult, JsonNode payload, String errorCode,
            String errorDescription, JsonNode errorDetails) {
        public boolean isError() {
            return !isResult;
        }
    }

    /** A close frame received from the server. */
    public record CloseStatus(int code, String reason) {
    }

    /** The server refused the WebSocket upgrade with an HTTP status. */
    public static final class HandshakeRefused extends RuntimeException {
        private final int status;
        private final Map<String, List<String>> headers;

        HandshakeRefused(int status, Map<String, List<String>> headers) {
            super("handshake refused with HTTP " + status);
            this.status = status;
            this.headers = headers;
        }

        public int status() {
            return status;
        }

        public Map<String, List<String>> headers() {
            return headers;
        }
    }

    /** A CALL the server sent to this charger; answer it once, or not at all. */
    public static final class ServerCall {
        private final OcppTestClient client;
        private final String messageId;
        private final String action;
        private final JsonNode payload;

        ServerCall(OcppTestClient client, String messageId, String action, JsonNode payload) {
            this.client = client;
            this.messageId = messageId;
            this.action = action;
            this.payload = payload;
        }

        public String messageId() {
            return messageId;
        }

        public String action() {
            return action;
        }

        public JsonNode payload() {
            return payload;
        }

        public void respond(JsonNode resultPayload) {
            client.sendText(JSON.createArrayNode().add(3).add(messageId).add(resultPayload).toString());
        }

        public void respondError(String errorCode, String description) {
            ObjectNode details = JSON.createObjectNode();
            client.sendText(JSON.createArrayNode().add(4).add(messageId).add(errorCode).add(description)
                    .add(details).toString());
        }

        @Override
        public String toString() {
            return "[2," + messageId + "," + action + "," + payload + "]";
        }
    }
}
