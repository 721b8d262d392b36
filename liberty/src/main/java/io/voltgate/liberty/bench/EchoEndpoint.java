package io.voltgate.liberty.bench;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A plain WebSocket echo on the same server, transport and settings as the OCPP endpoint: the
 * baseline that issue 3 compares CALL → CALLRESULT latency against ({@code load-test … echo}).
 * Off unless {@code voltgate.bench.echo-endpoint=true} (environment
 * {@code VOLTGATE_BENCH_ECHO_ENDPOINT=true}); when off, every connection is closed at once with
 * 1008. Sends are serialised per session and use the basic remote, as OCPP answers do.
 */
@ServerEndpoint("/bench/echo")
public class EchoEndpoint {

  private static volatile Boolean enabled;

  static boolean enabled() {
    Boolean e = enabled;
    if (e == null) {
      e = ConfigProvider.getConfig().getOptionalValue("voltgate.bench.echo-endpoint", Boolean.class).orElse(false);
      enabled = e;
    }
    return e;
  }

  @OnOpen
  public void open(Session session) throws IOException {
    if (!enabled()) {
      session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "echo endpoint is off (voltgate.bench.echo-endpoint)"));
      return;
    }
    session.setMaxIdleTimeout(0);
  }

  @OnMessage(maxMessageSize = 64 * 1024)
  public void echo(Session session, String text) throws IOException {
    synchronized (session) {
      session.getBasicRemote().sendText(text);
    }
  }
}
