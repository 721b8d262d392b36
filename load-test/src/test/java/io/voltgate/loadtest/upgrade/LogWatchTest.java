package io.voltgate.loadtest.upgrade;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogWatchTest {

  @TempDir Path dir;

  @Test
  void findsALineAppendedInPiecesAndOnlyOnceItIsComplete() throws Exception {
    Path log = dir.resolve("haproxy.log");
    LogWatch watch = new LogWatch(log, "Server voltgate/b is UP");
    assertFalse(watch.seen(), "no file yet");

    append(log, "Server voltgate/b is DOWN, reason: Layer4 connection problem\nServer voltg");
    assertFalse(watch.seen());
    append(log, "ate/b is UP, reason: Layer7 ch");
    assertFalse(watch.seen(), "the line has no end yet");
    append(log, "eck passed\n");
    assertTrue(watch.seen(), "the text was split across three appends");
    assertTrue(watch.seen(), "stays seen");
  }

  @Test
  void doesNotTakeAnotherServersLine() throws Exception {
    Path log = dir.resolve("haproxy.log");
    append(log, "Server voltgate/a is UP, reason: Layer7 check passed\n");
    LogWatch watch = new LogWatch(log, "Server voltgate/b is UP");
    assertFalse(watch.seen());
    append(log, "127.0.0.1:1 [25/Nov/2026:12:22:45.245] voltgate-api voltgate/b 0/0/1/4/5 200\n");
    assertFalse(watch.seen());
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
