package io.voltgate.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voltgate.liberty.support.ItEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark echo endpoint is off unless configured: a production server must not echo
 * arbitrary frames to anyone who connects.
 */
class EchoEndpointIT {

    @Test
    void closesEveryConnectionWith1008WhenNotEnabled() throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + ItEnvironment.httpPort() + "/bench/echo"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                                closed.complete(code);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                closed.completeExceptionally(new AssertionError("echoed: " + data));
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        socket.sendText("[2,\"1\",\"Heartbeat\",{}]", true);
        assertEquals(1008, closed.get(10, TimeUnit.SECONDS));
    }
}
