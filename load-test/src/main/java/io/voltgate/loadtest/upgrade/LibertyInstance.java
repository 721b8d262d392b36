package io.voltgate.loadtest.upgrade;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Voltgate server process made from the built {@code voltgate} server (same loose
 * application), started with {@code bin/server start} and its own ports and environment.
 */
final class LibertyInstance {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final String instanceId;
  final int port;
  private final Path wlp;

  LibertyInstance(Path wlp, String name, String instanceId, int port) {
    this.wlp = wlp;
    this.name = name;
    this.instanceId = instanceId;
    this.port = port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Copies usr/servers/voltgate (config, jdbc drivers, loose app) to a fresh server directory. */
  void create() throws IOException {
    Path template = wlp.resolve("usr/servers/voltgate");
    if (!Files.isRegularFile(template.resolve("server.xml"))) {
      throw new IllegalStateException("no built server at " + template
          + ": run ./mvnw -DskipTests package && ./mvnw -pl liberty -DskipTests liberty:create liberty:deploy");
    }
    Path target = wlp.resolve("usr/servers/" + name);
    delete(target);
    try (Stream<Path> files = Files.walk(template)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path rel = template.relativize(source);
        String first = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
        if (first.equals("logs") || first.equals("workarea") || first.equals("data")) {
          continue;
        }
        Path dest = target.resolve(rel.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest);
        }
      }
    }
    // The packaged WAR of this checkout, not liberty:deploy's loose application: that one points
    // at ~/.m2's SNAPSHOT jars, which any other build on the machine may replace mid-run.
    Path war = wlp.resolve("../../voltgate.war").normalize();
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException("no " + war + ": run ./mvnw -DskipTests package first");
    }
    Files.deleteIfExists(target.resolve("apps/voltgate.war.xml"));
    Files.createDirectories(target.resolve("apps"));
    Files.copy(war, target.resolve("apps/voltgate.war"));
  }

  /**
   * Logs every request this instance answers, with its own elapsed time (%D, microseconds), to
   * logs/access.log: set against HAProxy's Tr for the same request it tells a slow instance from a
   * slow path to it.
   */
  void logAccess() throws IOException {
    Path dropins = wlp.resolve("usr/servers/" + name + "/configDropins/overrides");
    Files.createDirectories(dropins);
    Files.writeString(dropins.resolve("e2e-access-log.xml"), """
        <server>
          <httpAccessLogging id="e2eAccessLog" filePath="${server.output.dir}/logs/access.log"
              logFormat='%t "%r" %s %D'/>
          <httpEndpoint id="defaultHttpEndpoint" accessLoggingRef="e2eAccessLog"/>
        </server>
        """);
  }

  void start(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", name);
    pb.environment().putAll(env);
    pb.environment().put("DEFAULT_HTTP_PORT", Integer.toString(port));
    pb.environment().put("DEFAULT_HTTPS_PORT", Integer.toString(port + 363));
    pb.environment().put("VOLTGATE_INSTANCE_ID", instanceId);
    pb.environment().put("VOLTGATE_INSTANCE_URL", baseUrl());
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    int exit = pb.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("server start " + name + " exited " + exit);
    }
  }

  boolean awaitReady(Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (status("/health/ready") == 200) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  int status(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** What /health/ready said: its status (-1 = no answer within 5 s) and the sessions held (-1 = unknown). */
  record Health(int status, long held) {}

  /**
   * Readiness and the sessions held, from the "sessions" readiness check's data (cheap; /metrics
   * took over 2 s on a loaded machine).
   */
  Health health() {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      java.util.regex.Matcher m = HELD.matcher(r.body());
      return new Health(r.statusCode(), m.find() ? Long.parseLong(m.group(1)) : -1);
    } catch (IOException | RuntimeException e) {
      return new Health(-1, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health(-1, -1);
    }
  }

  long sessions() {
    return health().held();
  }

  /** Whether the server's messages.log or console.log contains {@code text} (e.g. OutOfMemoryError). */
  boolean logMentions(String text) {
    for (String file : new String[] {"messages.log", "console.log"}) {
      try {
        Path p = logs().resolve(file);
        if (Files.exists(p) && Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
          return true;
        }
      } catch (IOException e) {
        // unreadable: not evidence either way
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern HELD = java.util.regex.Pattern.compile("\"held\":(\\d+)");

  long pid() throws IOException {
    Path pidFile = wlp.resolve("usr/servers/.pid/" + name + ".pid");
    return Long.parseLong(Files.readString(pidFile).trim());
  }

  boolean alive() {
    try {
      return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start().waitFor();
  }

  /** Stops it if it still runs (server stop, then SIGKILL). */
  void stopQuietly() {
    try {
      if (alive()) {
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
      }
      if (alive()) {
        signal("KILL");
      }
    } catch (IOException | InterruptedException e) {
      // best effort at the end of a run
    }
  }

  Path logs() {
    return wlp.resolve("usr/servers/" + name + "/logs");
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
