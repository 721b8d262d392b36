package io.voltgate.loadtest.charger;

import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CALL the charger wants to send. The payload is built when the message is sent, so a queued
 * MeterValues or StopTransaction carries the transaction id the server gave to the
 * StartTransaction queued before it. Transaction-related messages (OCPP 1.6 §3.7) survive a lost
 * connection and are re-sent in order; the others are dropped, as firmware does.
 */
final class OutboundMessage {

  final String action;
  final Supplier<ObjectNode> payload;
  final boolean transactional;
  final Consumer<JsonNode> onResult;
  /** False when the message has become pointless (e.g. its transaction was never started). */
  final Supplier<Boolean> stillWanted;
  int sends;
  boolean queuedOffline;

  OutboundMessage(String action, Supplier<ObjectNode> payload, boolean transactional,
      Consumer<JsonNode> onResult, Supplier<Boolean> stillWanted) {
    this.action = action;
    this.payload = payload;
    this.transactional = transactional;
    this.onResult = onResult;
    this.stillWanted = stillWanted;
  }
}
