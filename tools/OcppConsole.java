import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A charger by hand: an interactive OCPP-J 1.6 console that needs only a JDK.
 *
 * <pre>
 *   java tools/OcppConsole.java ws://localhost:9080/ocpp/DEMO-001 [password]
 * </pre>
 *
 * Each input line is one of:
 * <ul>
 *   <li>{@code Action {json}} — sent as a CALL with a fresh message id, e.g.
 *       {@code BootNotification {"chargePointVendor":"Acme","chargePointModel":"X1"}};</li>
 *   <li>{@code ok <messageId> {json}} — a CALLRESULT answering a CALL from the server;</li>
 *   <li>{@code [ ... ]} — a raw OCPP-J frame, sent as typed.</li>
 * </ul>
 * Everything the server sends is printed with a {@code <<} prefix.
 */
public final class OcppConsole {

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java tools/OcppConsole.java ws://host:9080/ocpp/{stationId} [password]");
      System.exit(2);
    }
    URI uri = URI.create(args[0]);
    String path = uri.getPath();
    String stationId = path.substring(path.lastIndexOf('/') + 1);
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
        .subprotocols("ocpp1.6")
        .connectTimeout(Duration.ofSeconds(10));
    if (args.length > 1) {
      String credentials = stationId + ":" + args[1];
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    CompletableFuture<Void> closed = new CompletableFuture<>();
    WebSocket socket = builder.buildAsync(uri, new Printer(closed)).join();
    System.out.println("connected, sub-protocol '" + socket.getSubprotocol() + "'; type Action {json}");

    AtomicInteger ids = new AtomicInteger();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null && !closed.isDone(); ) {
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      String frame;
      if (line.startsWith("[")) {
        frame = line;
      } else if (line.startsWith("ok ")) {
        String[] parts = line.split("\\s+", 3);
        frame = "[3,\"" + parts[1] + "\"," + (parts.length > 2 ? parts[2] : "{}") + "]";
      } else {
        String[] parts = line.split("\\s+", 2);
        frame = "[2,\"" + ids.incrementAndGet() + "\",\"" + parts[0] + "\","
            + (parts.length > 1 ? parts[1] : "{}") + "]";
      }
      System.out.println(">> " + frame);
      socket.sendText(frame, true).join();
    }
    if (!closed.isDone()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
  }

  private record Printer(CompletableFuture<Void> closed) implements WebSocket.Listener {

    private static final StringBuilder PARTIAL = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      PARTIAL.append(data);
      if (last) {
        System.out.println("<< " + PARTIAL);
        PARTIAL.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      System.out.println("closed by server: " + statusCode + " " + reason);
      closed.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      System.out.println("error: " + error);
      closed.complete(null);
    }
  }
}
