package io.voltgate.chargermgmt.migration;

import io.voltgate.chargermgmt.admission.HandshakeAdmission;
import io.voltgate.chargermgmt.cluster.InstanceRegistry;
import io.voltgate.chargermgmt.ocpp.v16.Ocpp16Action;
import io.voltgate.chargermgmt.session.OcppConnection;
import io.voltgate.chargermgmt.session.OutboundCalls;
import io.voltgate.chargermgmt.session.SessionRegistry;
import io.voltgate.chargermgmt.transaction.TransactionService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves this instance's chargers to a successor without a reconnect storm.
 *
 * <ol>
 *   <li>Turn not-ready at once: new handshakes get 503 + Retry-After, readiness is DOWN, the load
 *       balancer stops sending chargers here.</li>
 *   <li>Wait until another instance is ready (its heartbeat says so), at most
 *       {@code voltgate.migration.successor-wait-seconds}.</li>
 *   <li>Close sessions at {@code voltgate.migration.rate-per-second}, each jittered around an even
 *       schedule ({@link ClosePacer}):
 *       WebSocket close 1012 "Service Restart", idle stations first, stations with an active
 *       transaction last. In {@code reset} mode an idle station is sent an OCPP Reset (Soft)
 *       instead and closed only if it does not accept.</li>
 *   <li>Done when no session is left, or at {@code voltgate.migration.deadline-seconds} after the
 *       start, when whatever is left is closed.</li>
 * </ol>
 * Started by {@code POST /api/v1/ops/drain} or by SIGTERM ({@link StopSignalDrain}).
 */
@ApplicationScoped
public class SessionMigrator {

  private static final Logger LOG = Logger.getLogger(SessionMigrator.class.getName());
  static final CloseReason.CloseCode SERVICE_RESTART = CloseReason.CloseCodes.getCloseCode(1012);

  @Inject
  @ConfigProperty(name = "voltgate.migration.rate-per-second", defaultValue = "50")
  double ratePerSecond;

  @Inject
  @ConfigProperty(name = "voltgate.migration.successor-wait-seconds", defaultValue = "60")
  int successorWaitSeconds;

  @Inject
  @ConfigProperty(name = "voltgate.migration.deadline-seconds", defaultValue = "600")
  int deadlineSeconds;

  /**
   * Time between turning not-ready and the first close, for the load balancer to notice: with
   * HAProxy checking every second and three failures to mark down, chargers closed earlier
   * reconnected to this instance, got 503 and waited out its Retry-After (upgrade scenario,
   * 200 chargers: 99 refusals, reconnect p99 15 s).
   */
  @Inject
  @ConfigProperty(name = "voltgate.migration.unready-grace-seconds", defaultValue = "5")
  int unreadyGraceSeconds;

  @Inject
  @ConfigProperty(name = "voltgate.migration.mode", defaultValue = "close")
  String mode;

  @Inject HandshakeAdmission admission;
  @Inject InstanceRegistry instances;
  @Inject SessionRegistry sessions;
  @Inject OutboundCalls outbound;
  @Inject TransactionService transactions;

  /**
   * Threads closing sessions at most at once. A close may hold its thread for many seconds (Liberty
   * waits for the peer's pending read before it writes the close frame): a drain at r/s whose closes
   * take T s needs r·T threads. Beyond this the pacing thread closes itself, and the pace slows.
   */
  static final int MAX_CLOSING_THREADS = 1000;

  @Resource ManagedExecutorService executor;
  /** Threads with the application's context: a close runs onClose, which writes to the database. */
  @Resource ManagedThreadFactory threadFactory;

  private volatile String state = "idle";
  private volatile int total;
  private volatile int closed;
  private volatile Instant startedAt;
  private volatile boolean cancelled;
  private volatile CompletableFuture<Void> finished = new CompletableFuture<>();

  /** Starts the migration unless it is already under way; returns the status right after. */
  public MigrationStatus drain() {
    if (begin()) {
      executor.submit(this::run);
    }
    return status();
  }

  /** Turns not-ready; true if this call started the migration. */
  private synchronized boolean begin() {
    if (!"idle".equals(state)) {
      return false;
    }
    startedAt = Instant.now();
    admission.startDraining();
    state = "awaiting-successor";
    instances.tick(); // publish "draining" now rather than at the next heartbeat
    LOG.info(() -> "Draining " + sessions.size() + " sessions at " + ratePerSecond + "/s");
    return true;
  }

  /**
   * Calls off a drain (an operator's mistake, or a test): closing stops, the instance admits
   * handshakes and turns ready again. Sessions already moved stay where they went.
   */
  public MigrationStatus cancel() {
    CompletableFuture<Void> running;
    synchronized (this) {
      if ("idle".equals(state)) {
        return status();
      }
      cancelled = true;
      running = finished;
    }
    try {
      running.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warning("Migration did not stop within 10 s of being cancelled: " + e);
    }
    synchronized (this) {
      state = "idle";
      total = 0;
      closed = 0;
      startedAt = null;
      cancelled = false;
      finished = new CompletableFuture<>();
      admission.stopDraining();
    }
    instances.tick();
    LOG.info("Migration cancelled; admitting chargers again");
    return status();
  }

  public MigrationStatus status() {
    return new MigrationStatus(state, total, closed, remaining(), ratePerSecond, instances.successorReady(), startedAt);
  }

  public int remaining() {
    return "idle".equals(state) ? 0 : sessions.size();
  }

  public boolean draining() {
    return !"idle".equals(state);
  }

  /**
   * Starts the migration (if it is not running) and waits until it is done or
   * {@code voltgate.migration.deadline-seconds} have passed: the SIGTERM path, see
   * {@link StopSignalDrain}.
   */
  public void drainAndWait() {
    drain();
    try {
      finished.get(deadlineSeconds + 5L, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warning("Stopping before the migration finished: " + e);
    }
  }

  /**
   * The application is stopping. Liberty's quiesce has already dropped every WebSocket by now
   * (measured: {@code server stop} closes them with 1006 within 0.3 s, before any application
   * callback), so there is nothing left to migrate; say so if chargers were dropped undrained.
   */
  @PreDestroy
  void onApplicationStop() {
    if ("idle".equals(state) && sessions.size() > 0) {
      LOG.warning("Application stopping with " + sessions.size() + " sessions not migrated: stop with SIGTERM"
          + " or POST /api/v1/ops/drain first, not `server stop`");
    }
  }

  private void run() {
    long startedNanos = System.nanoTime();
    long deadline = startedNanos + TimeUnit.SECONDS.toNanos(deadlineSeconds);
    closers = new ThreadPoolExecutor(0, MAX_CLOSING_THREADS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
        threadFactory, new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      if (sessions.size() == 0) {
        return; // nothing to move: no reason to wait for a successor (e.g. SIGTERM to an idle server)
      }
      awaitSuccessor(Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(successorWaitSeconds)));
      sleepUntil(Math.min(deadline, startedNanos + TimeUnit.SECONDS.toNanos(unreadyGraceSeconds)));
      if (cancelled) {
        return;
      }
      state = "draining";
      busyStations = activeTransactionStations();
      List<String> order = DrainOrder.of(sessions.all().stream().map(OcppConnection::stationId).toList(), busyStations);
      total = order.size();
      ClosePacer pacer = new ClosePacer(ratePerSecond, System.nanoTime(), ThreadLocalRandom.current()::nextDouble);
      for (String stationId : order) {
        if (cancelled) {
          return;
        }
        if (System.nanoTime() >= deadline) {
          break;
        }
        Optional<OcppConnection> connection = sessions.find(stationId);
        if (connection.isEmpty()) {
          continue; // gone by itself meanwhile: no slot spent on it
        }
        sleepUntil(Math.min(pacer.nextSlot(System.nanoTime()), deadline));
        move(connection.get());
        closed++;
      }
      // Past the deadline: close what is left at once.
      for (OcppConnection left : List.copyOf(sessions.all())) {
        closeAsync(left);
        closed++;
      }
      LOG.info(() -> "Migration done: " + closed + " sessions closed in "
          + java.time.Duration.between(startedAt, Instant.now()).toMillis() + " ms");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Migration failed; closing what is left", e);
      sessions.all().forEach(this::closeAsync);
    } finally {
      closers.shutdown();
      awaitCloses(TimeUnit.SECONDS.toNanos(10));
      state = "done";
      finished.complete(null);
    }
  }

  private void move(OcppConnection connection) {
    if ("reset".equalsIgnoreCase(mode) && !busy(connection.stationId())) {
      ObjectNode reset = JsonNodeFactory.instance.objectNode().put("type", "Soft");
      outbound.call(connection, Ocpp16Action.Reset, reset)
          .orTimeout(30, TimeUnit.SECONDS)
          .whenComplete((answer, failure) -> {
            boolean accepted = failure == null && "Accepted".equals(answer.path("status").asString(""));
            if (!accepted) {
              closeAsync(connection);
            }
          });
      return;
    }
    closeAsync(connection);
  }

  /**
   * Closes on a thread of its own. Liberty's close blocks: it waits for the peer's pending read
   * (WsocConnLink.finishReadBeforeClose) and writes the close frame synchronously without a time
   * limit (in the upgrade scenario one such write never completed and the paced loop stalled with
   * 68 of 200 sessions left). Nor may the closes run on Liberty's shared executor: it adds threads
   * slowly, so on a loaded machine (1,000 chargers, load average 16) up to 360 blocked closes
   * queued there, the 1012s left in bursts long after their slots (all on B after 59.5 s instead of
   * ~15 s), and this instance's heartbeat waited behind them long enough for B to declare it dead.
   * A dedicated pool starts each close when its slot comes.
   */
  private void closeAsync(OcppConnection connection) {
    ExecutorService pool = closers;
    if (pool == null || pool.isShutdown()) { // the drain is over (a late Reset answer): close here
      connection.close(SERVICE_RESTART, "Service Restart");
      return;
    }
    pool.execute(() -> connection.close(SERVICE_RESTART, "Service Restart"));
  }

  private volatile ExecutorService closers;

  /** Gives the closes under way a little time, so the server does not stop under them. */
  private void awaitCloses(long nanos) {
    try {
      if (!closers.awaitTermination(nanos, TimeUnit.NANOSECONDS)) {
        LOG.warning("Some closes were still under way " + TimeUnit.NANOSECONDS.toSeconds(nanos) + " s after the last one began");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stations with an active transaction when this drain began (read once per drain). */
  private volatile Set<String> busyStations = Set.of();

  private boolean busy(String stationId) {
    return busyStations.contains(stationId);
  }

  private Set<String> activeTransactionStations() {
    try {
      return transactions.stationsWithActiveTransactions();
    } catch (RuntimeException e) {
      LOG.warning("Could not read active transactions; draining in id order: " + e);
      return Set.of();
    }
  }

  private void awaitSuccessor(long until) {
    while (System.nanoTime() < until && !cancelled) {
      instances.tick();
      if (instances.successorReady()) {
        return;
      }
      sleepUntil(Math.min(until, System.nanoTime() + 500_000_000L));
    }
    LOG.warning("No ready successor within " + successorWaitSeconds + " s; draining anyway");
  }

  private static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
