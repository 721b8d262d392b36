package io.voltgate.chargermgmt.ocpp;

import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Sub-protocol negotiation: the first protocol the charger offers that the server supports
 * wins (CONTRACT §1). With no match the handshake completes without a Sec-WebSocket-Protocol
 * header and the endpoint closes the socket at once (OCPP-J 1.6 §3.2).
 */
public class OcppConfigurator extends ServerEndpointConfig.Configurator {

  @Override
  public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
    for (String offered : requested) {
      String trimmed = offered.trim();
      if (supported.contains(trimmed)) {
        return trimmed;
      }
    }
    return "";
  }

  /**
   * A plain instance: the endpoint injects nothing, and the default goes through CDI, which
   * keeps a creational context per connection.
   */
  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
    try {
      return endpointClass.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      InstantiationException failure = new InstantiationException("cannot create " + endpointClass.getName());
      failure.initCause(e);
      throw failure;
    }
  }
}
