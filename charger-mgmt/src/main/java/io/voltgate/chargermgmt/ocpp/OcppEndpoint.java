package io.voltgate.chargermgmt.ocpp;

import io.voltgate.chargermgmt.session.OcppConnection;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * The OCPP-J endpoint {@code /ocpp/{stationId}} ({@link OcppEndpointRegistration}). One instance
 * per connection, so it holds only the connection's reference; all work happens in the
 * application-scoped {@link OcppSessions}. Frames over 64 KiB close the socket with 1009
 * (CONTRACT §1). Liberty does not enforce {@code maxMessageSize} for whole-text messages (a 70 KB
 * frame was delivered in testing), so the size is also checked here.
 *
 * <p>A programmatic endpoint, not an annotated one: for an annotated endpoint Liberty keeps, per
 * connection, an invocation model of each annotated method (method data, parameter helpers,
 * locks, lists), about a kilobyte of heap for every one of tens of thousands of idle chargers.
 */
public class OcppEndpoint extends Endpoint implements MessageHandler.Whole<String> {

  static final int MAX_MESSAGE_BYTES = 64 * 1024;

  private static volatile OcppSessions sessions;
  private OcppConnection connection;

  private static OcppSessions sessions() {
    OcppSessions s = sessions;
    if (s == null) {
      s = CDI.current().select(OcppSessions.class).get();
      sessions = s;
    }
    return s;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    session.addMessageHandler(String.class, this);
    connection = sessions().opened(session, session.getPathParameters().get("stationId"));
  }

  @Override
  public void onMessage(String text) {
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

  @Override
  public void onClose(Session session, CloseReason reason) {
    if (connection != null) {
      sessions().closed(connection, reason);
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    sessions().error(connection, error);
  }
}
