package io.voltgate.chargermgmt.ocpp;

import io.voltgate.chargermgmt.admission.BootThrottle;
import io.voltgate.chargermgmt.admission.DatabaseBulkhead;
import io.voltgate.chargermgmt.ocpp.frame.Call;
import io.voltgate.chargermgmt.ocpp.frame.CallError;
import io.voltgate.chargermgmt.ocpp.frame.CallResult;
import io.voltgate.chargermgmt.ocpp.frame.FrameCodec;
import io.voltgate.chargermgmt.ocpp.frame.FrameException;
import io.voltgate.chargermgmt.ocpp.frame.OcppFrame;
import io.voltgate.chargermgmt.ocpp.frame.OcppVersion;
import io.voltgate.chargermgmt.ocpp.frame.RpcErrorCode;
import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Action;
import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Dispatcher;
import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Schemas;
import io.voltgate.chargermgmt.ocpp.v16.PayloadViolation;
import io.voltgate.chargermgmt.session.OcppConnection;
import io.voltgate.chargermgmt.session.OutboundCalls;
import io.voltgate.chargermgmt.session.SessionRegistry;
import io.voltgate.chargermgmt.station.ChargingStation;
import io.voltgate.chargermgmt.station.StationEvent;
import io.voltgate.chargermgmt.station.StationEvents;
import io.voltgate.chargermgmt.station.StationService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.node.ObjectNode;

/**
 * The life of an OCPP session on this instance: open (newest connection wins), every incoming
 * frame through decode → checks → schema validation → dispatch → exactly one answer, and close.
 * A bad message never closes the session and never changes stored state (CONTRACT §1):
 * validation happens before any handler runs.
 */
@ApplicationScoped
public class OcppSessions {

  private static final Logger LOG = Logger.getLogger(OcppSessions.class.getName());
  private static final long PRESENCE_WRITE_INTERVAL_NANOS = 30_000_000_000L;
  /** How long a charger message waits for a database permit before it is answered InternalError. */
  private static final long DB_WAIT_SECONDS = 20;

  @Inject FrameCodec codec;
  @Inject Ocpp16Schemas schemas;
  @Inject Ocpp16Dispatcher dispatcher;
  @Inject SessionRegistry registry;
  @Inject OutboundCalls outbound;
  @Inject StationService stations;
  @Inject HandshakeTickets tickets;
  @Inject InstanceIdentity instance;
  @Inject OcppMetrics metrics;
  @Inject BootThrottle bootThrottle;
  @Inject DatabaseBulkhead bulkhead;
  @Inject StationEvents events;
  @Resource ManagedThreadFactory threads;

  /** Threads that send the answers of group-committed CALLs ({@link #answer}). */
  private static final int REPLY_THREADS = 4;

  /**
   * Answers of group-committed CALLs leave from here, not from the batch writer's thread (a slow
   * socket must not hold up everyone's writes) and not from Liberty's default executor: there a
   * boot storm's answers queued behind the handshakes and reads the same threads serve, and the
   * server's own BootNotification timer said p50 90 ms while its batches took 6 ms.
   */
  private ExecutorService replies;

  @PostConstruct
  void startReplies() {
    // after shutdown (the application stopping) a late answer is sent by the thread completing it
    replies = new ThreadPoolExecutor(REPLY_THREADS, REPLY_THREADS, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), threads, new ThreadPoolExecutor.CallerRunsPolicy());
  }

  @PreDestroy
  void stopReplies() {
    replies.shutdown();
    try {
      replies.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Session markers left by this instance's previous life point nowhere now. */
  void onStart(@Observes Startup startup) {
    try {
      int cleared = stations.forgetSessionsOf(instance.id());
      if (cleared > 0) {
        LOG.info(() -> "Cleared " + cleared + " stale session markers of instance " + instance.id());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not clear stale session markers: " + e.getMessage());
    }
  }

  OcppConnection opened(Session session, String stationId) {
    Optional<OcppVersion> version = OcppVersion.fromSubprotocol(session.getNegotiatedSubprotocol());
    if (version.isEmpty() || version.get() != OcppVersion.V16) {
      metrics.handshake("no-subprotocol");
      closeQuietly(session, CloseCodes.PROTOCOL_ERROR, "No supported OCPP sub-protocol offered");
      return null;
    }
    HandshakeTickets.Ticket ticket = tickets.take(stationId);
    boolean accepted;
    if (ticket != null) {
      accepted = ticket.accepted();
    } else {
      Optional<ChargingStation> station = stations.forHandshake(stationId);
      if (station.isEmpty()) {
        closeQuietly(session, CloseCodes.VIOLATED_POLICY, "Unknown station");
        return null;
      }
      accepted = station.get().isAccepted();
    }
    session.setMaxIdleTimeout(0);
    session.setMaxTextMessageBufferSize(OcppEndpoint.MAX_MESSAGE_BYTES);
    OcppConnection connection =
        new OcppConnection(stationId, session, version.get(), ThreadLocalRandom.current().nextLong(), accepted);
    registry
        .register(connection)
        .ifPresent(
            previous -> {
              outbound.onClosed(previous);
              previous.close(CloseCodes.NORMAL_CLOSURE, "replaced");
            });
    CompletableFuture<Void> marker = events.record(new StationEvent.Connected(
        stationId, instance.id(), connection.token(), version.get().subprotocol(), Instant.now()));
    logFailure(marker, "record the session of " + stationId);
    connection.registering(marker);
    metrics.handshake("accepted");
    return connection;
  }

  void message(OcppConnection connection, String text) {
    long started = System.nanoTime();
    OcppFrame frame;
    try {
      frame = codec.decode(text);
    } catch (FrameException e) {
      if (e.mayAnswer()) {
        send(connection, e.toCallError(connection.version()));
      }
      metrics.message("(invalid frame)", e.code().spelling(connection.version()), System.nanoTime() - started);
      return;
    }
    if (frame instanceof Call call) {
      answer(connection, call, started);
    } else if (frame instanceof CallResult result) {
      outbound.onResult(connection, result.messageId(), result.payload());
    } else if (frame instanceof CallError error) {
      outbound.onError(connection, error.messageId(), error.errorCode(), error.errorDescription());
    }
  }

  private void answer(OcppConnection connection, Call call, long started) {
    CompletableFuture<ObjectNode> answer;
    try {
      answer = handle(connection, call);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Void> marker = connection.registering();
    if (marker != null) {
      // Read-your-writes for the charger and the admin API: no answer goes out on a session whose
      // marker is not committed yet. A failed marker write is logged and does not hold the answer.
      answer = marker.handle((v, e) -> null).thenCombine(answer, (ignored, payload) -> payload);
    }
    if (answer.isDone()) {
      // a completed future runs the action at once, on this thread
      answer.whenComplete((payload, error) -> reply(connection, call, started, payload, error));
    } else {
      // answered off the batch writer's thread: a slow socket must not hold up everyone's writes
      answer.whenComplete((payload, error) -> {
        long ready = System.nanoTime();
        replies.execute(() -> {
          metrics.answerLag(System.nanoTime() - ready);
          reply(connection, call, started, payload, error);
        });
      });
    }
  }

  private void reply(OcppConnection connection, Call call, long started, ObjectNode payload, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    OcppFrame reply;
    String outcome;
    if (cause == null) {
      reply = new CallResult(call.messageId(), payload);
      outcome = "ok";
    } else if (cause instanceof OcppCallException e) {
      reply = CallError.of(call.messageId(), e.code(), connection.version(), e.getMessage());
      outcome = e.code().spelling(connection.version());
    } else {
      LOG.log(Level.WARNING, "Failed to handle " + call.action() + " from " + connection.stationId(), cause);
      reply = CallError.of(call.messageId(), RpcErrorCode.INTERNAL_ERROR, connection.version(), "Internal error handling " + call.action());
      outcome = "InternalError";
    }
    send(connection, reply);
    Ocpp16Action known = Ocpp16Action.of(call.action()).orElse(null);
    metrics.message(known == null ? "(unknown)" : known.name(), outcome, System.nanoTime() - started);
  }

  private CompletableFuture<ObjectNode> handle(OcppConnection connection, Call call) {
    Ocpp16Action action =
        Ocpp16Action.of(call.action())
            .orElseThrow(() -> new OcppCallException(RpcErrorCode.NOT_IMPLEMENTED, "Unknown action " + call.action()));
    if (!action.sentByChargePoint()) {
      throw new OcppCallException(RpcErrorCode.NOT_SUPPORTED, action + " is not sent by a charge point");
    }
    // OCPP-J 1.6 errata: a CSMS SHOULD answer SecurityError to anything before an accepted boot.
    if (action != Ocpp16Action.BootNotification && !connection.accepted()) {
      throw new OcppCallException(RpcErrorCode.SECURITY_ERROR, "BootNotification has not been accepted");
    }
    Optional<PayloadViolation> violation = schemas.validateRequest(action, call.payload());
    if (violation.isPresent()) {
      throw new OcppCallException(violation.get().code(), violation.get().description());
    }
    if (action == Ocpp16Action.BootNotification) {
      // Under a boot storm: Pending with an interval, decided before any database work.
      if (!bootThrottle.tryEnter(connection.stationId())) {
        return CompletableFuture.completedFuture(dispatcher.pendingBoot(bootThrottle.pendingInterval()));
      }
      CompletableFuture<ObjectNode> boot;
      try {
        boot = dispatcher.write(connection, action, call.payload());
      } catch (RuntimeException e) {
        bootThrottle.exit();
        throw e;
      }
      return boot.whenComplete((answer, error) -> bootThrottle.exit());
    }
    if (connection.presenceDue(PRESENCE_WRITE_INTERVAL_NANOS)) {
      logFailure(events.record(new StationEvent.Seen(connection.stationId(), Instant.now())),
          "record presence of " + connection.stationId());
    }
    if (dispatcher.isGroupWrite(action)) {
      return dispatcher.write(connection, action, call.payload());
    }
    if (action == Ocpp16Action.Heartbeat) {
      return CompletableFuture.completedFuture(dispatcher.handle(connection, action, call.payload()));
    }
    return CompletableFuture.completedFuture(
        bulkhead.call(() -> dispatcher.handle(connection, action, call.payload()), DB_WAIT_SECONDS));
  }

  private static void logFailure(CompletableFuture<Void> write, String what) {
    write.whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.WARNING, "Could not " + what + ": " + e.getMessage());
      }
    });
  }

  void closed(OcppConnection connection, CloseReason reason) {
    registry.remove(connection);
    outbound.onClosed(connection);
    logFailure(events.record(new StationEvent.Disconnected(connection.stationId(), connection.token(), Instant.now())),
        "record the disconnect of " + connection.stationId());
  }

  void error(OcppConnection connection, Throwable error) {
    String who = connection == null ? "(handshake)" : connection.stationId();
    LOG.log(Level.FINE, "WebSocket error on " + who, error);
  }

  private void send(OcppConnection connection, OcppFrame frame) {
    try {
      connection.send(codec.encode(frame));
    } catch (IOException | IllegalStateException e) {
      LOG.fine(() -> "Could not answer " + connection.stationId() + ": " + e.getMessage());
    }
  }

  private static void closeQuietly(Session session, CloseReason.CloseCode code, String reason) {
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException | IllegalStateException e) {
      // the peer is gone already
    }
  }
}
