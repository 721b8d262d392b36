package io.voltgate.chargermgmt.session;

import io.voltgate.chargermgmt.ocpp.frame.Call;
import io.voltgate.chargermgmt.ocpp.frame.FrameCodec;
import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Action;
import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Schemas;
import io.voltgate.chargermgmt.ocpp.v16.PayloadViolation;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's CALLs to stations. At most one is on the wire per station; the next waits until
 * the station answers or the call timeout passes (CONTRACT §1, OCPP-J 1.6 §4.1.1). Message ids
 * carry a random per-process prefix so they are never reused for a station, on any connection
 * or instance (OCPP-J 1.6 errata 3.1).
 */
@ApplicationScoped
public class OutboundCalls {

  private static final Logger LOG = Logger.getLogger(OutboundCalls.class.getName());

  @Inject FrameCodec codec;
  @Inject Ocpp16Schemas schemas;

  @Inject
  @ConfigProperty(name = "voltgate.ocpp.call-timeout-seconds", defaultValue = "30")
  long callTimeoutSeconds;

  private final ScheduledThreadPoolExecutor timer = newTimer();
  private final String idPrefix = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
  private final AtomicLong sequence = new AtomicLong();

  private static ScheduledThreadPoolExecutor newTimer() {
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread th = new Thread(r, "voltgate-ocpp-call-timeout");
              th.setDaemon(true);
              return th;
            });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }

  /** Queues a CALL to the station on {@code connection}; the future completes with its answer. */
  public CompletableFuture<ObjectNode> call(OcppConnection connection, Ocpp16Action action, ObjectNode payload) {
    OutboundCall call = new OutboundCall(idPrefix + "-" + Long.toString(sequence.incrementAndGet(), 36), action, payload);
    boolean sendNow;
    synchronized (connection) {
      if (connection.inFlight == null) {
        connection.inFlight = call;
        sendNow = true;
      } else {
        if (connection.waiting == null) {
          connection.waiting = new ArrayDeque<>(2);
        }
        connection.waiting.add(call);
        sendNow = false;
      }
    }
    if (sendNow) {
      transmit(connection, call);
    }
    return call.answer;
  }

  /** A CALLRESULT arrived: completes the in-flight call if the id matches. */
  public void onResult(OcppConnection connection, String messageId, ObjectNode payload) {
    OutboundCall call = takeInFlight(connection, messageId);
    if (call == null) {
      LOG.fine(() -> "Late or unknown CALLRESULT " + messageId + " from " + connection.stationId());
      return;
    }
    Optional<PayloadViolation> violation = schemas.validateResponse(call.action, payload);
    if (violation.isPresent()) {
      call.answer.completeExceptionally(
          new CallFailure.Rejected(
              violation.get().code().spelling(connection.version()),
              "Invalid " + call.action + " response: " + violation.get().description()));
    } else {
      call.answer.complete(payload);
    }
    sendNext(connection);
  }

  /** A CALLERROR arrived: fails the in-flight call if the id matches. */
  public void onError(OcppConnection connection, String messageId, String code, String description) {
    OutboundCall call = takeInFlight(connection, messageId);
    if (call == null) {
      LOG.fine(() -> "Late or unknown CALLERROR " + messageId + " from " + connection.stationId());
      return;
    }
    call.answer.completeExceptionally(new CallFailure.Rejected(code, description));
    sendNext(connection);
  }

  /** The session ended: every pending call fails as not connected. */
  public void onClosed(OcppConnection connection) {
    List<OutboundCall> failed = new ArrayList<>();
    synchronized (connection) {
      if (connection.inFlight != null) {
        failed.add(connection.inFlight);
        connection.inFlight = null;
      }
      if (connection.waiting != null) {
        failed.addAll(connection.waiting);
        connection.waiting.clear();
      }
    }
    for (OutboundCall call : failed) {
      cancelTimeout(call);
      call.answer.completeExceptionally(
          new CallFailure.NotConnected("Station " + connection.stationId() + " disconnected before answering"));
    }
  }

  private OutboundCall takeInFlight(OcppConnection connection, String messageId) {
    synchronized (connection) {
      OutboundCall call = connection.inFlight;
      if (call == null || !call.messageId.equals(messageId)) {
        return null;
      }
      connection.inFlight = null;
      cancelTimeout(call);
      return call;
    }
  }

  private void sendNext(OcppConnection connection) {
    OutboundCall next;
    synchronized (connection) {
      if (connection.inFlight != null || connection.waiting == null || connection.waiting.isEmpty()) {
        return;
      }
      next = connection.waiting.poll();
      connection.inFlight = next;
    }
    transmit(connection, next);
  }

  private void transmit(OcppConnection connection, OutboundCall call) {
    call.timeout = timer.schedule(() -> timedOut(connection, call), callTimeoutSeconds, TimeUnit.SECONDS);
    try {
      connection.send(codec.encode(new Call(call.messageId, call.action.name(), call.payload)));
    } catch (IOException | IllegalStateException e) {
      synchronized (connection) {
        if (connection.inFlight == call) {
          connection.inFlight = null;
        }
      }
      cancelTimeout(call);
      call.answer.completeExceptionally(new CallFailure.NotConnected("Could not send to " + connection.stationId() + ": " + e.getMessage()));
      sendNext(connection);
    }
  }

  private void timedOut(OcppConnection connection, OutboundCall call) {
    synchronized (connection) {
      if (connection.inFlight != call) {
        return;
      }
      connection.inFlight = null;
    }
    call.answer.completeExceptionally(
        new CallFailure.TimedOut(
            "No answer to " + call.action + " from " + connection.stationId() + " within " + callTimeoutSeconds + " s"));
    sendNext(connection);
  }

  private static void cancelTimeout(OutboundCall call) {
    if (call.timeout != null) {
      call.timeout.cancel(false);
    }
  }
}
