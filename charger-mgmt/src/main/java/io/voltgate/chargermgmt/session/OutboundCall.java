package io.voltgate.chargermgmt.session;

import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Action;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import tools.jackson.databind.node.ObjectNode;

/** A CALL from the server to a station, and the future its answer completes. */
final class OutboundCall {
  final String messageId;
  final Ocpp16Action action;
  final ObjectNode payload;
  final CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
  ScheduledFuture<?> timeout;

  OutboundCall(String messageId, Ocpp16Action action, ObjectNode payload) {
    this.messageId = messageId;
    this.action = action;
    this.payload = payload;
  }
}
