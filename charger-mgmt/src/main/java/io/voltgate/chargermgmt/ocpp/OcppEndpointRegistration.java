package io.voltgate.chargermgmt.ocpp;

import io.voltgate.chargermgmt.ocpp.frame.OcppVersion;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/** Deploys {@link OcppEndpoint} at {@code /ocpp/{stationId}}, offering the sub-protocols of CONTRACT §1. */
@WebListener
public class OcppEndpointRegistration implements ServletContextListener {

  static final String PATH = "/ocpp/{stationId}";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServerContainer container =
        (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
    if (container == null) {
      throw new IllegalStateException("no WebSocket container: the websocket feature is missing");
    }
    try {
      container.addEndpoint(ServerEndpointConfig.Builder.create(OcppEndpoint.class, PATH)
          .subprotocols(List.of(OcppVersion.V16.subprotocol()))
          .configurator(new OcppConfigurator())
          .build());
    } catch (DeploymentException e) {
      throw new IllegalStateException("could not deploy the OCPP endpoint at " + PATH, e);
    }
  }
}
