package io.voltgate.loadtest.charger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One simulated OCPP 1.6J charger, behaving like firmware: it boots (honouring Pending/Rejected
 * and their interval), sends Heartbeat at the server's interval, reports connector status, runs
 * transactions (StartTransaction, MeterValues every meter interval, StopTransaction), answers the
 * server's CALLs, and reconnects after a drop according to its {@link ReconnectPolicy}.
 *
 * <p>It sends one CALL at a time (OCPP-J 1.6 §4.1.1) from a single queue. Transaction-related
 * messages keep being generated while offline, stay queued and are (re-)sent in order after the
 * reconnect (OCPP 1.6 §3.7); other messages are dropped while offline. A 1.6 charger does not boot
 * again after a reconnect (CONTRACT §1), only after power-up or Reset.
 *
 * <p>All state is confined to the charger's own event loop: every method below runs on it.
 */
public final class SimulatedCharger {

  private enum Link { IDLE, CONNECTING, OPEN }

  private enum Boot { NONE, PENDING, ACCEPTED, REJECTED }

  private static final String VENDOR_ID = "io.voltgate.loadtest";
  private static final long BOOT_RETRY_SECONDS = 10;

  private final ChargerRuntime rt;
  private final String id;
  private final URI uri;
  private final InetSocketAddress remote;
  private final InetSocketAddress local;
  private final EventLoop loop;
  private final SplittableRandom random;
  private final Connector[] connectors;
  private final ArrayDeque<OutboundMessage> queue = new ArrayDeque<>();
  private final Map<String, String> configuration = new LinkedHashMap<>();

  private Link link = Link.IDLE;
  private Boot boot = Boot.NONE;
  private boolean everAccepted;
  private boolean settled;
  private boolean statusSent;
  private Channel channel;
  private long attemptStartNanos;
  private long firstAttemptNanos = -1;
  private long dropNanos = -1;
  private int failedAttempts;
  private long retryAfterMillis;
  private boolean rebooting;
  private boolean stopped;
  private long messageSeq;
  private OutboundMessage inFlight;
  private String inFlightId;
  private long inFlightSentNanos;
  private ScheduledFuture<?> inFlightTimeout;
  private ScheduledFuture<?> heartbeatTask;
  private ScheduledFuture<?> bootRetryTask;
  private Duration heartbeatInterval;

  /** A connector's state; index 0 is the station itself. */
  private static final class Connector {
    final int id;
    String status = "Available";
    boolean statusDirty;
    long meterWh;
    Transaction tx;
    ScheduledFuture<?> plan;

    Connector(int id) {
      this.id = id;
    }
  }

  private static final class Transaction {
    final String idTag;
    final String startTimestamp;
    final long meterStart;
    Integer transactionId;
    boolean failed;
    ScheduledFuture<?> meterTask;
    ScheduledFuture<?> stopTask;

    Transaction(String idTag, String startTimestamp, long meterStart) {
      this.idTag = idTag;
      this.startTimestamp = startTimestamp;
      this.meterStart = meterStart;
    }
  }

  /**
   * @param baseUrl e.g. {@code ws://127.0.0.1:9080/ocpp}; the station id is appended
   * @param localAddress the source address to bind, or null for the system's choice
   */
  public SimulatedCharger(ChargerRuntime runtime, String stationId, URI baseUrl, InetSocketAddress localAddress,
      long seed) {
    this.rt = runtime;
    this.id = stationId;
    String base = baseUrl.toString();
    this.uri = URI.create((base.endsWith("/") ? base : base + "/") + stationId);
    int port = uri.getPort() > 0 ? uri.getPort() : ("wss".equals(uri.getScheme()) ? 443 : 80);
    this.remote = InetSocketAddress.createUnresolved(uri.getHost(), port);
    this.local = localAddress;
    this.loop = runtime.group.next();
    this.random = new SplittableRandom(seed);
    this.connectors = new Connector[runtime.profile.connectors() + 1];
    for (int i = 0; i < connectors.length; i++) {
      connectors[i] = new Connector(i);
      connectors[i].meterWh = random.nextLong(1_000_000);
    }
    configuration.put("HeartbeatInterval", "0");
    configuration.put("MeterValueSampleInterval", Long.toString(runtime.profile.meterInterval().toSeconds()));
    configuration.put("NumberOfConnectors", Integer.toString(runtime.profile.connectors()));
    configuration.put("TransactionMessageAttempts", "3");
    configuration.put("TransactionMessageRetryInterval", "10");
    configuration.put("ConnectionTimeOut", "60");
    configuration.put("AuthorizeRemoteTxRequests", "false");
  }

  public String stationId() {
    return id;
  }

  // ------------------------------------------------------------------ control from the fleet

  /** Powers the charger up: connects after {@code delay}, then boots. */
  public void start(Duration delay) {
    loop.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Cuts the connection without a close frame, as a crashed server or a network drop would. */
  public void cut() {
    loop.execute(() -> {
      if (channel != null) {
        channel.close();
      }
    });
  }

  /** Stops reconnecting and closes the socket (end of run). */
  public void shutdown() {
    loop.execute(() -> {
      stopped = true;
      if (channel != null) {
        channel.close();
      }
    });
  }

  // ------------------------------------------------------------------ connecting

  private void connect() {
    if (stopped || link != Link.IDLE) {
      return;
    }
    link = Link.CONNECTING;
    attemptStartNanos = System.nanoTime();
    if (firstAttemptNanos < 0) {
      firstAttemptNanos = attemptStartNanos;
    }
    HttpHeaders headers = new DefaultHttpHeaders();
    String password = rt.profile.password();
    if (password != null) {
      headers.set("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
        uri, WebSocketVersion.V13, "ocpp1.6", false, headers, OcppChannelHandler.MAX_FRAME);
    Bootstrap bootstrap = new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) rt.profile.handshakeTimeout().toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast("http", new HttpClientCodec());
            ch.pipeline().addLast("http-aggregator", new HttpObjectAggregator(OcppChannelHandler.MAX_FRAME));
            ch.pipeline().addLast("ocpp", new OcppChannelHandler(SimulatedCharger.this, handshaker));
          }
        });
    InetSocketAddress resolved = new InetSocketAddress(remote.getHostString(), remote.getPort());
    ChannelFuture future = local == null ? bootstrap.connect(resolved) : bootstrap.connect(resolved, local);
    channel = future.channel();
    Channel attempt = channel;
    future.addListener(f -> {
      if (!f.isSuccess() && attempt == channel) {
        handshakeOutcome("other");
        rt.metrics.increment("handshake.connectFailed." + f.cause().getClass().getSimpleName());
        attemptFailed();
      }
    });
    loop.schedule(() -> {
      if (attempt == channel && link == Link.CONNECTING) {
        rt.metrics.increment("handshake.timeout");
        handshakeOutcome("other");
        link = Link.IDLE; // the close that follows is this failed attempt, counted once
        attempt.close();
      }
    }, rt.profile.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void handshakeOutcome(String outcome) {
    rt.metrics.tick("handshake." + outcome);
    rt.metrics.increment("handshake." + outcome);
  }

  void onHandshakeRefused(Channel ch, int status, String retryAfter, String reason) {
    if (ch != channel || link != Link.CONNECTING) {
      return;
    }
    if (status == 503) {
      handshakeOutcome("503");
      if (retryAfter != null && rt.profile.honourRetryAfter()) {
        try {
          retryAfterMillis = Math.max(0, Long.parseLong(retryAfter.trim())) * 1000;
        } catch (NumberFormatException e) {
          rt.metrics.increment("handshake.badRetryAfter");
        }
      }
    } else {
      handshakeOutcome("other");
      rt.metrics.increment("handshake.status." + status);
    }
    link = Link.IDLE; // the close that follows is a failed attempt, not a drop
  }

  void onOpen(Channel ch) {
    if (ch != channel || link != Link.CONNECTING) {
      ch.close();
      return;
    }
    long now = System.nanoTime();
    link = Link.OPEN;
    handshakeOutcome("101");
    if ("storm".equals(rt.phase)) {
      rt.metrics.mark("firstAcceptAfterCut");
    }
    rt.recordLatency("connect", now - attemptStartNanos);
    if (dropNanos >= 0) {
      rt.metrics.recordNanos("reconnect", now - dropNanos);
      rt.metrics.increment("reconnected");
      dropNanos = -1;
    }
    failedAttempts = 0;
    retryAfterMillis = 0;
    rt.connected.incrementAndGet();
    if (boot == Boot.ACCEPTED) {
      startHeartbeat();
      for (Connector c : connectors) {
        if (c.statusDirty) {
          c.statusDirty = false;
          sendStatus(c);
        }
      }
      pump();
    } else {
      sendBoot();
    }
  }

  void onCloseFrame(Channel ch, int code, String reason) {
    rt.metrics.increment("closeFrame." + code);
  }

  void onChannelError(Channel ch, Throwable cause) {
    rt.metrics.increment("channelError." + cause.getClass().getSimpleName());
  }

  void onChannelClosed(Channel ch) {
    if (ch != channel) {
      return;
    }
    boolean wasOpen = link == Link.OPEN;
    boolean wasConnecting = link == Link.CONNECTING;
    channel = null;
    link = Link.IDLE;
    cancel(heartbeatTask);
    heartbeatTask = null;
    cancel(inFlightTimeout);
    if (inFlight != null) {
      requeueOrDrop(inFlight);
      inFlight = null;
      inFlightId = null;
    }
    dropNonTransactional();
    if (wasOpen) {
      rt.connected.decrementAndGet();
      if (!rebooting && !stopped) {
        dropNanos = System.nanoTime();
        rt.metrics.increment("drops");
        rt.metrics.tick("drops");
        rt.metrics.mark("firstDrop");
      }
      scheduleReconnect();
    } else {
      if (wasConnecting) {
        // closed before any HTTP answer (e.g. reset by the server)
        handshakeOutcome("other");
        rt.metrics.increment("handshake.closedBeforeAnswer");
      }
      attemptFailed();
    }
  }

  private void attemptFailed() {
    channel = null;
    link = Link.IDLE;
    failedAttempts++;
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (stopped) {
      return;
    }
    long delay;
    if (rebooting) {
      rebooting = false;
      boot = Boot.NONE;
      delay = 2_000;
    } else {
      // failedAttempts: attempts since the link was last up, so 0 right after a drop
      delay = rt.profile.reconnect().delay(failedAttempts, random).toMillis();
      if (retryAfterMillis > delay) {
        delay = retryAfterMillis;
      }
      retryAfterMillis = 0;
    }
    if (delay <= 0) {
      loop.execute(this::connect);
    } else {
      loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }
  }

  // ------------------------------------------------------------------ boot and heartbeat

  private void sendBoot() {
    cancel(bootRetryTask);
    bootRetryTask = null;
    for (Iterator<OutboundMessage> it = queue.iterator(); it.hasNext(); ) {
      if (it.next().action.equals("BootNotification")) {
        return; // one is already waiting
      }
    }
    if (inFlight != null && inFlight.action.equals("BootNotification")) {
      return;
    }
    OutboundMessage bootMessage = new OutboundMessage("BootNotification", () -> object()
        .put("chargePointVendor", "Voltgate")
        .put("chargePointModel", "LoadTest-16")
        .put("chargePointSerialNumber", id)
        .put("firmwareVersion", "loadtest-1.0"),
        false, this::onBootResult, () -> true);
    queue.addFirst(bootMessage);
    pump();
  }

  private void onBootResult(JsonNode result) {
    String status = result.path("status").asString("");
    int interval = result.path("interval").asInt(0);
    rt.metrics.increment("boot." + status);
    switch (status) {
      case "Accepted" -> {
        boot = Boot.ACCEPTED;
        heartbeatInterval = rt.profile.heartbeatOverride() != null
            ? rt.profile.heartbeatOverride() : Duration.ofSeconds(Math.max(interval, 1));
        configuration.put("HeartbeatInterval", Long.toString(heartbeatInterval.toSeconds()));
        if (!everAccepted) {
          everAccepted = true;
          rt.accepted.incrementAndGet();
          rt.metrics.recordNanos("boot", System.nanoTime() - firstAttemptNanos);
        }
        if (rt.profile.bootOnly()) {
          // the reference method: one Heartbeat after the boot, then idle
          statusSent = true;
          enqueue(new OutboundMessage("Heartbeat", this::object, false, r -> settle(), () -> true));
          return;
        }
        settle();
        startHeartbeat();
        if (!statusSent) {
          statusSent = true;
          for (Connector c : connectors) {
            sendStatus(c);
            if (c.id > 0) {
              planTransaction(c);
            }
          }
        }
      }
      case "Pending", "Rejected" -> {
        // OCPP 1.6 §4.2: boot again after the interval; while Pending the server may ask by TriggerMessage
        boot = "Pending".equals(status) ? Boot.PENDING : Boot.REJECTED;
        long waitSeconds = interval > 0 ? interval : 10;
        bootRetryTask = loop.schedule(() -> {
          bootRetryTask = null;
          if (link == Link.OPEN && boot != Boot.ACCEPTED) {
            sendBoot();
          }
        }, waitSeconds, TimeUnit.SECONDS);
      }
      default -> rt.metrics.increment("boot.unexpected");
    }
  }

  /** Tells the fleet this charger is up (once), so the next one may start connecting. */
  private void settle() {
    if (!settled) {
      settled = true;
      rt.settled();
    }
  }

  private void startHeartbeat() {
    cancel(heartbeatTask);
    long period = heartbeatInterval.toMillis();
    // spread over one period, as in a fleet that has been running for a while
    long first = 1 + random.nextLong(Math.max(period, 1));
    heartbeatTask = loop.scheduleAtFixedRate(() -> {
      if (!rt.generating || link != Link.OPEN || boot != Boot.ACCEPTED) {
        return;
      }
      for (OutboundMessage m : queue) {
        if (m.action.equals("Heartbeat")) {
          return;
        }
      }
      enqueue(new OutboundMessage("Heartbeat", this::object, false, r -> { }, () -> true));
    }, first, period, TimeUnit.MILLISECONDS);
  }

  // ------------------------------------------------------------------ status and transactions

  private void setStatus(Connector c, String status) {
    c.status = status;
    if (link == Link.OPEN && boot == Boot.ACCEPTED) {
      sendStatus(c);
    } else {
      c.statusDirty = true;
    }
  }

  private void sendStatus(Connector c) {
    String status = c.status;
    String timestamp = now();
    enqueue(new OutboundMessage("StatusNotification", () -> object()
        .put("connectorId", c.id)
        .put("errorCode", "NoError")
        .put("status", status)
        .put("timestamp", timestamp), false, r -> { }, () -> true));
  }

  private void planTransaction(Connector c) {
    cancel(c.plan);
    double perHour = rt.profile.transactionsPerHour();
    if (perHour <= 0 || !rt.generating) {
      return;
    }
    double meanMillis = 3_600_000.0 / perHour;
    long delay = (long) (-Math.log(1.0 - random.nextDouble()) * meanMillis);
    c.plan = loop.schedule(() -> startTransaction(c, rt.profile.idTag()), delay, TimeUnit.MILLISECONDS);
  }

  private boolean startTransaction(Connector c, String idTag) {
    if (c.tx != null || !rt.generating || boot != Boot.ACCEPTED) {
      return false;
    }
    cancel(c.plan);
    Transaction tx = new Transaction(idTag, now(), c.meterWh);
    c.tx = tx;
    setStatus(c, "Preparing");
    enqueueTransactional("StartTransaction", () -> object()
        .put("connectorId", c.id)
        .put("idTag", tx.idTag)
        .put("meterStart", tx.meterStart)
        .put("timestamp", tx.startTimestamp), result -> {
          tx.transactionId = result.path("transactionId").asInt();
          String tagStatus = result.path("idTagInfo").path("status").asString("");
          rt.metrics.increment("tx.started." + tagStatus);
        }, () -> true);
    setStatus(c, "Charging");
    long meterMillis = rt.profile.meterInterval().toMillis();
    tx.meterTask = loop.scheduleAtFixedRate(() -> meterValues(c, tx), meterMillis, meterMillis, TimeUnit.MILLISECONDS);
    long min = rt.profile.transactionMin().toMillis();
    long span = rt.profile.transactionMax().toMillis() - min;
    long duration = min + (span > 0 ? random.nextLong(span + 1) : 0);
    tx.stopTask = loop.schedule(() -> stopTransaction(c, "Local"), duration, TimeUnit.MILLISECONDS);
    return true;
  }

  private void meterValues(Connector c, Transaction tx) {
    if (!rt.generating || c.tx != tx) {
      return;
    }
    c.meterWh += 100 + random.nextInt(900);
    long wh = c.meterWh;
    String timestamp = now();
    enqueueTransactional("MeterValues", () -> {
      ObjectNode payload = object().put("connectorId", c.id);
      if (tx.transactionId != null) {
        payload.put("transactionId", tx.transactionId);
      }
      payload.set("meterValue", array().add(meterValue(timestamp, wh, "Sample.Periodic")));
      return payload;
    }, r -> { }, () -> !tx.failed);
  }

  private boolean stopTransaction(Connector c, String reason) {
    Transaction tx = c.tx;
    if (tx == null) {
      return false;
    }
    cancel(tx.meterTask);
    cancel(tx.stopTask);
    c.meterWh += 100 + random.nextInt(900);
    long wh = c.meterWh;
    String timestamp = now();
    enqueueTransactional("StopTransaction", () -> {
      ObjectNode payload = object()
          .put("transactionId", tx.transactionId)
          .put("idTag", tx.idTag)
          .put("meterStop", wh)
          .put("timestamp", timestamp)
          .put("reason", reason);
      payload.set("transactionData", array().add(meterValue(timestamp, wh, "Transaction.End")));
      return payload;
    }, r -> { }, () -> !tx.failed && tx.transactionId != null);
    c.tx = null;
    setStatus(c, "Finishing");
    setStatus(c, "Available");
    planTransaction(c);
    return true;
  }

  private ObjectNode meterValue(String timestamp, long wh, String context) {
    ObjectNode sampled = object()
        .put("value", Long.toString(wh))
        .put("context", context)
        .put("measurand", "Energy.Active.Import.Register")
        .put("unit", "Wh");
    ObjectNode value = object().put("timestamp", timestamp);
    value.set("sampledValue", array().add(sampled));
    return value;
  }

  // ------------------------------------------------------------------ the outbound queue

  private void enqueue(OutboundMessage message) {
    if (link != Link.OPEN) {
      rt.metrics.increment("droppedOffline." + message.action);
      return;
    }
    queue.addLast(message);
    pump();
  }

  private void enqueueTransactional(String action, Supplier<ObjectNode> payload, Consumer<JsonNode> onResult,
      Supplier<Boolean> stillWanted) {
    if (!rt.generating) {
      // the run is draining: a transaction ending now would be generated after the count of
      // what is still unanswered, so it is not generated at all
      rt.metrics.increment("tx.notGeneratedWhileDraining");
      return;
    }
    OutboundMessage message = new OutboundMessage(action, payload, true, onResult, stillWanted);
    rt.unacknowledged.incrementAndGet();
    rt.metrics.increment("tx.generated");
    if (link != Link.OPEN || boot != Boot.ACCEPTED) {
      message.queuedOffline = true;
      rt.metrics.increment("tx.queued");
    }
    queue.addLast(message);
    pump();
  }

  private void requeueOrDrop(OutboundMessage message) {
    if (message.transactional) {
      if (!message.queuedOffline) {
        message.queuedOffline = true;
        rt.metrics.increment("tx.queued");
      }
      queue.addFirst(message);
    } else {
      rt.metrics.increment("droppedOffline." + message.action);
    }
  }

  /** On a lost link: other messages go, transaction messages stay and count as queued (held over the outage). */
  private void dropNonTransactional() {
    for (Iterator<OutboundMessage> it = queue.iterator(); it.hasNext(); ) {
      OutboundMessage m = it.next();
      if (!m.transactional) {
        it.remove();
        rt.metrics.increment("droppedOffline." + m.action);
      } else if (!m.queuedOffline) {
        m.queuedOffline = true;
        rt.metrics.increment("tx.queued");
      }
    }
  }

  private void pump() {
    while (link == Link.OPEN && inFlight == null && !queue.isEmpty()) {
      OutboundMessage head = queue.peekFirst();
      if (boot != Boot.ACCEPTED && !head.action.equals("BootNotification")) {
        return; // OCPP 1.6 §4.2.1: nothing but BootNotification until Accepted
      }
      queue.pollFirst();
      if (head.transactional && !head.stillWanted.get()) {
        settleTransactional("tx.abandoned");
        continue;
      }
      send(head);
    }
  }

  private void send(OutboundMessage message) {
    String messageId = Long.toString(++messageSeq);
    ArrayNode frame = array().add(2).add(messageId).add(message.action).add(message.payload.get());
    inFlight = message;
    inFlightId = messageId;
    inFlightSentNanos = System.nanoTime();
    if (message.transactional && message.sends > 0) {
      rt.metrics.increment("tx.resent");
    }
    message.sends++;
    rt.metrics.increment("call.sent." + message.action);
    channel.writeAndFlush(new TextWebSocketFrame(frame.toString()));
    inFlightTimeout = loop.schedule(() -> onCallTimeout(messageId),
        rt.profile.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void onCallTimeout(String messageId) {
    if (inFlight == null || !messageId.equals(inFlightId)) {
      return;
    }
    OutboundMessage message = inFlight;
    rt.metrics.increment("call.timeout." + message.action);
    inFlight = null;
    inFlightId = null;
    if (message.transactional) {
      queue.addFirst(message); // re-sent; the server treats replays as harmless (CONTRACT §1)
    } else if (message.action.equals("BootNotification")) {
      retryBootLater();
    }
    pump();
  }

  /** Firmware keeps booting until it is answered: a lost or refused boot is tried again later. */
  private void retryBootLater() {
    cancel(bootRetryTask);
    bootRetryTask = loop.schedule(() -> {
      bootRetryTask = null;
      if (link == Link.OPEN && boot != Boot.ACCEPTED) {
        sendBoot();
      }
    }, BOOT_RETRY_SECONDS, TimeUnit.SECONDS);
  }

  private void settleTransactional(String outcome) {
    rt.unacknowledged.decrementAndGet();
    rt.metrics.increment(outcome);
  }

  // ------------------------------------------------------------------ incoming frames

  void onText(Channel ch, String text) {
    if (ch != channel) {
      return;
    }
    JsonNode frame;
    try {
      frame = ChargerRuntime.JSON.readTree(text);
    } catch (RuntimeException e) {
      rt.metrics.increment("incoming.unparsable");
      return;
    }
    if (!frame.isArray() || frame.size() < 3) {
      rt.metrics.increment("incoming.malformed");
      return;
    }
    int type = frame.get(0).asInt();
    String messageId = frame.get(1).asString("");
    switch (type) {
      case 2 -> onServerCall(messageId, frame.path(2).asString(""), frame.path(3));
      case 3 -> onReply(messageId, frame.get(2), null);
      case 4 -> onReply(messageId, null, frame.path(2).asString("GenericError"));
      default -> rt.metrics.increment("incoming.malformed");
    }
  }

  private void onReply(String messageId, JsonNode result, String errorCode) {
    if (inFlight == null || !messageId.equals(inFlightId)) {
      rt.metrics.increment("incoming.unmatchedReply");
      return;
    }
    OutboundMessage message = inFlight;
    long latency = System.nanoTime() - inFlightSentNanos;
    cancel(inFlightTimeout);
    inFlight = null;
    inFlightId = null;
    if (errorCode == null) {
      rt.recordLatency("call." + message.action, latency);
      rt.metrics.increment("call.result." + message.action);
      if (message.transactional) {
        settleTransactional("tx.acknowledged");
      }
      message.onResult.accept(result);
    } else {
      rt.metrics.increment("call.error." + message.action + "." + errorCode);
      if (message.action.equals("BootNotification")) {
        retryBootLater();
      }
      if (message.transactional) {
        // OCPP 1.6 §3.7.1: an error is an answer; counted apart, never as acknowledged
        settleTransactional("tx.errored");
        if (message.action.equals("StartTransaction")) {
          markStartFailed();
        }
      }
    }
    pump();
  }

  private void markStartFailed() {
    for (Connector c : connectors) {
      if (c.tx != null && c.tx.transactionId == null) {
        c.tx.failed = true;
      }
    }
  }

  // ------------------------------------------------------------------ CALLs from the server

  private void onServerCall(String messageId, String action, JsonNode request) {
    rt.metrics.increment("server." + action);
    ObjectNode response = object();
    String error = null;
    switch (action) {
      case "Reset" -> {
        response.put("status", "Accepted");
        String type = request.path("type").asString("Soft");
        loop.schedule(() -> reboot(type + "Reset"), 1, TimeUnit.SECONDS);
      }
      case "RemoteStartTransaction" -> {
        Connector c = freeConnector(request.path("connectorId").asInt(0));
        boolean accepted = c != null && rt.generating && boot == Boot.ACCEPTED;
        response.put("status", accepted ? "Accepted" : "Rejected");
        if (accepted) {
          String idTag = request.path("idTag").asString(rt.profile.idTag());
          loop.execute(() -> startTransaction(c, idTag)); // after our CALLRESULT has gone out
        }
      }
      case "RemoteStopTransaction" -> {
        Connector c = connectorWithTransaction(request.path("transactionId").asInt(Integer.MIN_VALUE));
        response.put("status", c != null ? "Accepted" : "Rejected");
        if (c != null) {
          loop.execute(() -> stopTransaction(c, "Remote"));
        }
      }
      case "TriggerMessage" -> response.put("status", trigger(request.path("requestedMessage").asString(""),
          request.path("connectorId").asInt(-1)));
      case "ChangeConfiguration" -> response.put("status", changeConfiguration(
          request.path("key").asString(""), request.path("value").asString("")));
      case "GetConfiguration" -> getConfiguration(request.path("key"), response);
      case "ChangeAvailability" -> {
        int connectorId = request.path("connectorId").asInt(-1);
        boolean operative = "Operative".equals(request.path("type").asString(""));
        if (connectorId < 0 || connectorId >= connectors.length) {
          response.put("status", "Rejected");
        } else if (connectors[connectorId].tx != null) {
          response.put("status", "Scheduled");
        } else {
          response.put("status", "Accepted");
          Connector c = connectors[connectorId];
          loop.execute(() -> setStatus(c, operative ? "Available" : "Unavailable"));
        }
      }
      case "UnlockConnector" -> response.put("status", "Unlocked");
      case "ClearCache" -> response.put("status", "Accepted");
      case "DataTransfer" -> response.put("status",
          VENDOR_ID.equals(request.path("vendorId").asString("")) ? "Accepted" : "UnknownVendorId");
      case "GetLocalListVersion" -> response.put("listVersion", 0);
      case "SendLocalList", "ReserveNow", "SetChargingProfile", "GetCompositeSchedule" ->
          response.put("status", action.equals("ReserveNow") ? "Rejected"
              : action.equals("SendLocalList") ? "NotSupported" : "Rejected");
      case "CancelReservation", "ClearChargingProfile" -> response.put("status", "Unknown");
      case "GetDiagnostics", "UpdateFirmware" -> { }
      default -> error = "NotImplemented";
    }
    ArrayNode frame = error == null
        ? array().add(3).add(messageId).add(response)
        : array().add(4).add(messageId).add(error).add("not implemented by the simulator").add(object());
    if (channel != null) {
      channel.writeAndFlush(new TextWebSocketFrame(frame.toString()));
    }
  }

  private String trigger(String requested, int connectorId) {
    switch (requested) {
      case "BootNotification" -> loop.execute(this::sendBoot);
      case "Heartbeat" -> loop.execute(() -> enqueue(new OutboundMessage("Heartbeat", this::object, false,
          r -> { }, () -> true)));
      case "StatusNotification" -> loop.execute(() -> {
        for (Connector c : connectors) {
          if (connectorId < 0 || c.id == connectorId) {
            sendStatus(c);
          }
        }
      });
      case "MeterValues" -> loop.execute(() -> {
        for (Connector c : connectors) {
          if ((connectorId < 0 || c.id == connectorId) && c.id > 0) {
            long wh = c.meterWh;
            String timestamp = now();
            enqueue(new OutboundMessage("MeterValues", () -> {
              ObjectNode p = object().put("connectorId", c.id);
              p.set("meterValue", array().add(meterValue(timestamp, wh, "Trigger")));
              return p;
            }, false, r -> { }, () -> true));
          }
        }
      });
      case "DiagnosticsStatusNotification", "FirmwareStatusNotification" -> loop.execute(() ->
          enqueue(new OutboundMessage(requested, () -> object().put("status", "Idle"), false, r -> { }, () -> true)));
      default -> {
        return "NotImplemented";
      }
    }
    return "Accepted";
  }

  private String changeConfiguration(String key, String value) {
    if (!configuration.containsKey(key)) {
      return "NotSupported";
    }
    if (key.equals("NumberOfConnectors")) {
      return "Rejected";
    }
    if (key.equals("HeartbeatInterval")) {
      try {
        long seconds = Long.parseLong(value);
        if (seconds <= 0) {
          return "Rejected";
        }
        heartbeatInterval = Duration.ofSeconds(seconds);
        if (boot == Boot.ACCEPTED && link == Link.OPEN) {
          loop.execute(this::startHeartbeat);
        }
      } catch (NumberFormatException e) {
        return "Rejected";
      }
    }
    configuration.put(key, value);
    return "Accepted";
  }

  private void getConfiguration(JsonNode keys, ObjectNode response) {
    ArrayNode known = array();
    ArrayNode unknown = array();
    if (keys.isArray() && !keys.isEmpty()) {
      for (JsonNode k : keys) {
        String key = k.asString("");
        if (configuration.containsKey(key)) {
          known.add(configEntry(key));
        } else {
          unknown.add(key);
        }
      }
    } else {
      configuration.keySet().forEach(key -> known.add(configEntry(key)));
    }
    response.set("configurationKey", known);
    if (!unknown.isEmpty()) {
      response.set("unknownKey", unknown);
    }
  }

  private ObjectNode configEntry(String key) {
    return object().put("key", key).put("readonly", key.equals("NumberOfConnectors"))
        .put("value", configuration.get(key));
  }

  private Connector freeConnector(int wanted) {
    for (int i = 1; i < connectors.length; i++) {
      if ((wanted <= 0 || wanted == i) && connectors[i].tx == null) {
        return connectors[i];
      }
    }
    return null;
  }

  private Connector connectorWithTransaction(int transactionId) {
    for (Connector c : connectors) {
      if (c.tx != null && c.tx.transactionId != null && c.tx.transactionId == transactionId) {
        return c;
      }
    }
    return null;
  }

  /** Reset: stop transactions, close the socket, come back after a short pause and boot again. */
  private void reboot(String reason) {
    for (Connector c : connectors) {
      stopTransaction(c, reason);
    }
    rt.metrics.increment("reboots");
    if (channel != null && link == Link.OPEN) {
      rebooting = true;
      statusSent = false;
      channel.close();
    }
  }

  // ------------------------------------------------------------------ helpers

  private ObjectNode object() {
    return ChargerRuntime.JSON.createObjectNode();
  }

  private ArrayNode array() {
    return ChargerRuntime.JSON.createArrayNode();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static void cancel(ScheduledFuture<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }
}
