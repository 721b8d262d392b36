package io.voltgate.chargermgmt.command;

import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Action;
import io.voltgate.chargermgmt.session.CallFailure;
import io.voltgate.chargermgmt.session.OutboundCalls;
import io.voltgate.chargermgmt.session.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a validated command to the station's live session on this instance. When the socket
 * lives on another instance, {@code CommandResource} forwards the request there with
 * {@link CommandForwarder} instead.
 */
@ApplicationScoped
public class CommandService {

  @Inject SessionRegistry sessions;
  @Inject OutboundCalls outbound;

  public CompletableFuture<ObjectNode> send(String stationId, Ocpp16Action action, ObjectNode payload) {
    return sessions
        .find(stationId)
        .map(connection -> outbound.call(connection, action, payload))
        .orElseGet(
            () -> CompletableFuture.failedFuture(new CallFailure.NotConnected("Station " + stationId + " is not connected")));
  }
}
