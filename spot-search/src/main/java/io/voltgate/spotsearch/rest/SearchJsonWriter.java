package io.voltgate.spotsearch.rest;

import io.voltgate.spotsearch.search.ConnectorCounts;
import io.voltgate.spotsearch.search.SpotHit;
import io.voltgate.spotsearch.search.SpotSearchResult;
import io.voltgate.spotsearch.search.TypeCount;
import java.util.Arrays;

/**
 * Writes a search result as {@link SpotJsons.SearchJson} (CONTRACT §2) straight into UTF-8
 * bytes. History, measured in the issue-4 benchmark: JSON-B's reflective record mapping took
 * about half of a city search's server time (1.4 of 2.7 ms); a JSON-P generator cut that, and
 * still showed in the cache-off profile (string escaping, Writer-to-UTF-8 encoding, ~20 % of
 * the search resource's samples). The shape is fixed and small, so it is written by hand: the
 * same names and order as the record, numbers as {@link Double#toString} / {@link
 * Integer#toString} write them (as JSON-P and JSON-B do), ISO-8601 instants,
 * {@code distanceKm} only for radius searches, no {@code updatedAt} when there is none (JSON-B
 * leaves nulls out too). Strings are escaped as RFC 8259 requires: quote, backslash and control
 * characters. {@code SearchJsonWriterTest} compares the output with JSON-B's.
 */
final class SearchJsonWriter {

  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  private SearchJsonWriter(int capacity) {
    buf = new byte[capacity];
  }

  /** An encoded answer and where each spot's object lies in it, so one spot can be rewritten. */
  record Encoded(byte[] body, int[] starts, int[] ends) {}

  /** The UTF-8 bytes of the answer, ready to be sent (and cached) as they are. */
  static byte[] write(SpotSearchResult result, boolean withDistance) {
    return encode(result, withDistance).body();
  }

  static Encoded encode(SpotSearchResult result, boolean withDistance) {
    return encode(result, withDistance, null, null);
  }

  /**
   * {@code revised} encoded by copying the bytes of every spot that is the same object in
   * {@code earlier} (same position in the list: a revision keeps the order) from {@code
   * encoded}, and writing only the others.
   */
  static Encoded revise(Encoded encoded, SpotSearchResult earlier, SpotSearchResult revised, boolean withDistance) {
    return encode(revised, withDistance, earlier, encoded);
  }

  private static Encoded encode(SpotSearchResult result, boolean withDistance, SpotSearchResult earlier, Encoded encoded) {
    int n = result.spots().size();
    SearchJsonWriter w = new SearchJsonWriter(encoded != null ? encoded.body().length + 256 : 64 + n * 320);
    int[] starts = new int[n];
    int[] ends = new int[n];
    w.ascii("{\"spots\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        w.put((byte) ',');
      }
      starts[i] = w.len;
      SpotHit h = result.spots().get(i);
      if (encoded != null && earlier.spots().get(i).spot() == h.spot()) {
        w.bytes(encoded.body(), encoded.starts()[i], encoded.ends()[i]);
      } else {
        w.hit(h, withDistance);
      }
      ends[i] = w.len;
    }
    w.ascii("],\"truncated\":").ascii(result.truncated() ? "true" : "false").put((byte) '}');
    return new Encoded(Arrays.copyOf(w.buf, w.len), starts, ends);
  }

  private void hit(SpotHit h, boolean withDistance) {
    ascii("{\"spotId\":").string(h.spot().spotId());
    ascii(",\"name\":").string(h.spot().name());
    ascii(",\"lat\":").ascii(Double.toString(h.spot().position().lat()));
    ascii(",\"lng\":").ascii(Double.toString(h.spot().position().lng()));
    if (withDistance) {
      ascii(",\"distanceKm\":").ascii(Double.toString(Math.round(h.distanceKm() * 1000) / 1000.0));
    }
    ConnectorCounts c = h.connectors();
    ascii(",\"connectors\":{\"total\":").ascii(Integer.toString(c.total()));
    ascii(",\"available\":").ascii(Integer.toString(c.available()));
    ascii(",\"byType\":[");
    boolean firstType = true;
    for (TypeCount t : c.byType()) {
      if (!firstType) {
        put((byte) ',');
      }
      firstType = false;
      ascii("{\"type\":").string(t.type().label());
      ascii(",\"maxPowerKw\":").ascii(Double.toString(t.maxPowerKw()));
      ascii(",\"total\":").ascii(Integer.toString(t.total()));
      ascii(",\"available\":").ascii(Integer.toString(t.available())).put((byte) '}');
    }
    ascii("]}");
    if (h.spot().updatedAt() != null) {
      ascii(",\"updatedAt\":\"").ascii(h.spot().updatedAt().toString()).put((byte) '"');
    }
    put((byte) '}');
  }

  private void bytes(byte[] from, int start, int end) {
    int n = end - start;
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
    System.arraycopy(from, start, buf, len, n);
    len += n;
  }

  private SearchJsonWriter put(byte b) {
    if (len == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[len++] = b;
    return this;
  }

  /** Text known to be ASCII without anything to escape (names, numbers, instants). */
  private SearchJsonWriter ascii(String s) {
    int n = s.length();
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
    s.getBytes(0, n, buf, len); // ASCII: one byte per char
    len += n;
    return this;
  }

  /** A JSON string: quoted, escaped, UTF-8 encoded (surrogate pairs as one 4-byte sequence). */
  private SearchJsonWriter string(String s) {
    put((byte) '"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        put((byte) '\\').put((byte) ch);
      } else if (ch < 0x20) {
        switch (ch) {
          case '\b' -> put((byte) '\\').put((byte) 'b');
          case '\f' -> put((byte) '\\').put((byte) 'f');
          case '\n' -> put((byte) '\\').put((byte) 'n');
          case '\r' -> put((byte) '\\').put((byte) 'r');
          case '\t' -> put((byte) '\\').put((byte) 't');
          default -> put((byte) '\\').put((byte) 'u').put((byte) '0').put((byte) '0')
              .put(HEX[ch >> 4]).put(HEX[ch & 0xF]);
        }
      } else if (ch < 0x80) {
        put((byte) ch);
      } else if (ch < 0x800) {
        put((byte) (0xC0 | (ch >> 6))).put((byte) (0x80 | (ch & 0x3F)));
      } else if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(ch, s.charAt(++i));
        put((byte) (0xF0 | (cp >> 18))).put((byte) (0x80 | ((cp >> 12) & 0x3F)))
            .put((byte) (0x80 | ((cp >> 6) & 0x3F))).put((byte) (0x80 | (cp & 0x3F)));
      } else if (Character.isSurrogate(ch)) {
        // a lone surrogate cannot be encoded; '?' as String.getBytes(UTF_8) would write
        put((byte) '?');
      } else {
        put((byte) (0xE0 | (ch >> 12))).put((byte) (0x80 | ((ch >> 6) & 0x3F))).put((byte) (0x80 | (ch & 0x3F)));
      }
    }
    return put((byte) '"');
  }
}
