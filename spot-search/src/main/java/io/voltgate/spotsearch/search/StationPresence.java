package io.voltgate.spotsearch.search;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a station can be trusted to report its connectors' status: it is connected, or it
 * was heard from within the last {@link #HEARD_WITHIN} (CONTRACT §2). Evaluated at query time,
 * because it changes with the clock and not only with the data.
 */
public record StationPresence(String stationId, boolean connected, Instant lastSeen) {

  public static final Duration HEARD_WITHIN = Duration.ofMinutes(2);

  public boolean isLiveAt(Instant now) {
    return connected || (lastSeen != null && !lastSeen.isBefore(now.minus(HEARD_WITHIN)));
  }
}
