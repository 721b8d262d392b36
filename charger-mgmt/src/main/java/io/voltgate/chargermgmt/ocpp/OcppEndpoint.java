package io.voltgate.chargermgmt.ocpp;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The OCPP-J endpoint {@code /ocpp/{stationId}}. One instance per connection, so it holds only
 * the connection's reference; all work happens in the application-scoped {@link OcppSessions}.
 * Frames over 64 KiB close the socket with 1009 (CONTRACT §1). Liberty does not enforce
 * {@code maxMessageSize} for whole-text messages (a 70 KB frame was delivered in testing), so
 * the size is also checked here.
 */
@ServerEndpoint(
    value = "/ocpp/{stationId}",
    subprotocols = {"ocpp1.6"},
    configurator = OcppConfigurator.class)
public class OcppEndpoint {

  static final int MAX_MESSAGE_BYTES = 64 * 1024;

  private static volatile OcppSessions sessions;
  private io.voltgate.chargermgmt.session.OcppConnection connection;

  private static OcppSessions sessions() {
    OcppSessions s = sessions;
    if (s == null) {
      s = CDI.current().select(OcppSessions.class).get();
      sessions = s;
    }
    return s;
  }

  @OnOpen
  public void open(Session session, @PathParam("stationId") String stationId) {
    connection = sessions().opened(session, stationId);
  }

  @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
  public void message(String text) {
    if (connection == null) {
      return;
    }
    if (utf8LengthExceeds(text, MAX_MESSAGE_BYTES)) {
      connection.close(CloseReason.CloseCodes.TOO_BIG, "Frame larger than 64 KiB");
      return;
    }
    sessions().message(connection, text);
  }

  /** Whether the UTF-8 encoding of {@code text} is longer than {@code max} bytes, without encoding it. */
  static boolean utf8LengthExceeds(String text, int max) {
    int chars = text.length();
    if (chars > max) {
      return true;
    }
    if (chars * 3 <= max) {
      return false;
    }
    long bytes = 0;
    for (int i = 0; i < chars; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes > max;
  }

  @OnClose
  public void close(CloseReason reason) {
    if (connection != null) {
      sessions().closed(connection, reason);
    }
  }

  @OnError
  public void error(Throwable error) {
    sessions().error(connection, error);
  }
}
