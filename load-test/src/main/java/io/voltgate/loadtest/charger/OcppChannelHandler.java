package io.voltgate.loadtest.charger;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.util.ReferenceCountUtil;

/**
 * One connection attempt of a charger: sends the upgrade request once TCP is up, reads the HTTP
 * answer itself (so a 503 and its Retry-After are seen, not just "failed"), then passes text
 * frames to the charger and answers pings. Everything runs on the charger's event loop.
 */
final class OcppChannelHandler extends ChannelInboundHandlerAdapter {

  static final int MAX_FRAME = 64 * 1024;

  private final SimulatedCharger charger;
  private final WebSocketClientHandshaker handshaker;

  OcppChannelHandler(SimulatedCharger charger, WebSocketClientHandshaker handshaker) {
    this.charger = charger;
    this.handshaker = handshaker;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    handshaker.handshake(ctx.channel());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (!handshaker.isHandshakeComplete()) {
        if (msg instanceof FullHttpResponse response) {
          int status = response.status().code();
          if (status == 101) {
            try {
              handshaker.finishHandshake(ctx.channel(), response);
            } catch (WebSocketHandshakeException e) {
              // 101 without the offered sub-protocol: the server closes such sockets (CONTRACT §1)
              charger.onHandshakeRefused(ctx.channel(), 101, null, e.getMessage());
              ctx.close();
              return;
            }
            ctx.pipeline().addBefore(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(MAX_FRAME));
            charger.onOpen(ctx.channel());
          } else {
            charger.onHandshakeRefused(ctx.channel(), status, response.headers().get("Retry-After"),
                response.status().reasonPhrase());
            ctx.close();
          }
        }
        return;
      }
      if (msg instanceof TextWebSocketFrame text) {
        charger.onText(ctx.channel(), text.text());
      } else if (msg instanceof PingWebSocketFrame ping) {
        ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      } else if (msg instanceof CloseWebSocketFrame close) {
        charger.onCloseFrame(ctx.channel(), close.statusCode(), close.reasonText());
        ctx.close();
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    charger.onChannelClosed(ctx.channel());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    charger.onChannelError(ctx.channel(), cause);
    ctx.close();
  }
}
