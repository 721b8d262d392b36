package io.voltgate.loadtest.charger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scriptable OCPP 1.6J central system for the charger's unit tests: it can refuse upgrades
 * with 503 + Retry-After, answer each CALL as a test decides (or not at all), send CALLs of its
 * own and drop the connection, and records every handshake, CALL and reply it received. The
 * real server is exercised by the liberty module's FleetSmokeIT; this fake covers what the real
 * server does not do on demand (503, Pending, a drop in the middle of a transaction).
 */
final class FakeCsms implements AutoCloseable {

  /** A CALL the charger sent, on the {@code connection}-th WebSocket (1-based). */
  record Call(int connection, long nanos, String messageId, String action, JsonNode payload) {}

  /** The reply payload to a CALL, or null to leave the CALL unanswered. */
  interface Answer {
    ObjectNode answer(Call call);
  }

  final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  final List<Long> handshakes = new CopyOnWriteArrayList<>();
  volatile int refuseFirst;
  volatile String retryAfter = "2";
  volatile Answer answer = FakeCsms::accept;

  private final NioEventLoopGroup group = new NioEventLoopGroup(1);
  private final Channel server;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Channel current;

  FakeCsms() {
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536), new Handler());
          }
        })
        .bind("127.0.0.1", 0).syncUninterruptibly().channel();
  }

  URI url() {
    return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/ocpp");
  }

  void send(String frame) {
    current.writeAndFlush(new TextWebSocketFrame(frame));
  }

  /** Closes the current connection without a close frame. */
  void drop() {
    current.close();
  }

  Call nextCall(Duration timeout) throws InterruptedException {
    Call call = calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (call == null) {
      throw new AssertionError("no CALL from the charger within " + timeout);
    }
    return call;
  }

  /** The next CALL of the given action, skipping others. */
  Call nextCall(String action, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Call call = nextCall(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1)));
      if (call.action().equals(action)) {
        return call;
      }
    }
  }

  JsonNode nextReply(Duration timeout) throws InterruptedException {
    JsonNode reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (reply == null) {
      throw new AssertionError("no reply from the charger within " + timeout);
    }
    return reply;
  }

  /** What a plain, healthy central system answers. */
  static ObjectNode accept(Call call) {
    ObjectNode r = ChargerRuntime.JSON.createObjectNode();
    switch (call.action()) {
      case "BootNotification" -> r.put("status", "Accepted").put("currentTime", Instant.now().toString())
          .put("interval", 300);
      case "Heartbeat" -> r.put("currentTime", Instant.now().toString());
      case "StartTransaction" -> {
        r.put("transactionId", 42);
        r.putObject("idTagInfo").put("status", "Accepted");
      }
      case "Authorize" -> r.putObject("idTagInfo").put("status", "Accepted");
      default -> { }
    }
    return r;
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Handler extends SimpleChannelInboundHandler<Object> {
    private int connection;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof FullHttpRequest request) {
        handshakes.add(System.nanoTime());
        if (handshakes.size() <= refuseFirst) {
          DefaultFullHttpResponse refused = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
              HttpResponseStatus.SERVICE_UNAVAILABLE);
          refused.headers().set("Retry-After", retryAfter).set("Content-Length", 0);
          ctx.writeAndFlush(refused).addListener(ChannelFutureListener.CLOSE);
          return;
        }
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
            "ws://127.0.0.1/ocpp", "ocpp1.6", false, 65536).newHandshaker(request);
        handshaker.handshake(ctx.channel(), request);
        connection = connections.incrementAndGet();
        current = ctx.channel();
      } else if (msg instanceof TextWebSocketFrame text) {
        JsonNode frame = ChargerRuntime.JSON.readTree(text.text());
        if (frame.get(0).asInt() != 2) {
          replies.add(frame);
          return;
        }
        Call call = new Call(connection, System.nanoTime(), frame.get(1).asString(), frame.get(2).asString(),
            frame.get(3));
        calls.add(call);
        ObjectNode result = answer.answer(call);
        if (result != null) {
          ctx.writeAndFlush(new TextWebSocketFrame(ChargerRuntime.JSON.createArrayNode()
              .add(3).add(call.messageId()).add(result).toString()));
        }
      } else if (msg instanceof CloseWebSocketFrame) {
        ctx.close();
      }
    }
  }
}
