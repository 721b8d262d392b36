package io.voltgate.loadtest.upgrade;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Watches a growing log file for a line containing a text, reading only what was appended since
 * the last look: HAProxy's log of a large run is tens of megabytes, re-reading it every 100 ms
 * would take CPU from what the run measures.
 */
final class LogWatch {

  private final Path file;
  private final String text;
  private long offset;
  /** The last line's start when it had no line end yet; completed on the next look. */
  private String partial = "";
  private boolean seen;

  LogWatch(Path file, String text) {
    this.file = file;
    this.text = text;
  }

  /** Whether a complete line so far contains the text. */
  boolean seen() throws IOException {
    if (seen || !Files.isRegularFile(file)) {
      return seen;
    }
    byte[] fresh;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return false;
      }
      fresh = new byte[Math.toIntExact(Math.min(length - offset, 16L << 20))];
      in.seek(offset);
      in.readFully(fresh);
    }
    offset += fresh.length;
    String chunk = partial + new String(fresh, StandardCharsets.UTF_8);
    int end = chunk.lastIndexOf('\n');
    String complete = end < 0 ? "" : chunk.substring(0, end);
    partial = end < 0 ? chunk : chunk.substring(end + 1);
    seen = complete.contains(text);
    return seen;
  }
}
