package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.ConnectorStatus;
import io.voltgate.sharedkernel.ConnectorType;
import io.voltgate.sharedkernel.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One spot as the search sees it: position, its stations' presence and its connectors with
 * their latest status. Immutable; the index replaces the whole value when anything about the
 * spot changes, so a search never sees half an update of one spot.
 *
 * @param updatedAt when anything shown for this spot last changed: the spot itself, or the
 *     latest status of one of its connectors (server receipt time)
 */
public record IndexedSpot(
    String spotId,
    String name,
    GeoPoint position,
    Instant updatedAt,
    List<StationPresence> stations,
    List<IndexedConnector> connectors) {

  public IndexedSpot {
    stations = List.copyOf(stations);
    connectors = List.copyOf(connectors);
  }

  /** The connector is Available and its station is connected or was heard from recently. */
  public boolean isAvailable(IndexedConnector c, Instant now) {
    return c.status() == ConnectorStatus.Available && stations.get(c.station()).isLiveAt(now);
  }

  /**
   * The earlier of {@code bound} and the last instant at which a station of this spot that is
   * live at {@code now} only by its recent contact (not connected) is still live: after it,
   * the clock alone changes this spot's availability.
   */
  public Instant liveUntil(Instant now, Instant bound) {
    Instant until = bound;
    Instant cutoff = null;
    for (StationPresence s : stations) {
      if (!s.connected() && s.lastSeen() != null) {
        cutoff = cutoff == null ? now.minus(StationPresence.HEARD_WITHIN) : cutoff;
        // live by contact iff lastSeen >= now - 2 min, i.e. now <= lastSeen + 2 min
        if (!s.lastSeen().isBefore(cutoff)) {
          Instant end = s.lastSeen().plus(StationPresence.HEARD_WITHIN);
          if (end.isBefore(until)) {
            until = end;
          }
        }
      }
    }
    return until;
  }

  /**
   * Counts the connectors that match {@code filter}, in total, available, and by type with the
   * highest power of that type; types in {@link ConnectorType} order. Runs for every spot a
   * search looks at, so it works on arrays indexed by type and allocates only the result.
   */
  public ConnectorCounts count(ConnectorFilter filter, Instant now) {
    int total = 0;
    int available = 0;
    int[] totals = null;
    int[] free = null;
    double[] power = null;
    Instant cutoff = null;
    for (IndexedConnector c : connectors) {
      if (!filter.matches(c.type(), c.maxPowerKw())) {
        continue;
      }
      if (totals == null) {
        totals = new int[TYPES.length];
        free = new int[TYPES.length];
        power = new double[TYPES.length];
      }
      int t = c.type().ordinal();
      total++;
      power[t] = totals[t]++ == 0 ? c.maxPowerKw() : Math.max(power[t], c.maxPowerKw());
      if (c.status() == ConnectorStatus.Available) {
        StationPresence station = stations.get(c.station());
        boolean live = station.connected();
        if (!live && station.lastSeen() != null) {
          cutoff = cutoff == null ? now.minus(StationPresence.HEARD_WITHIN) : cutoff;
          live = !station.lastSeen().isBefore(cutoff); // StationPresence.isLiveAt
        }
        if (live) {
          available++;
          free[t]++;
        }
      }
    }
    if (totals == null) {
      return ConnectorCounts.NONE;
    }
    List<TypeCount> byType = new ArrayList<>(2);
    for (int t = 0; t < TYPES.length; t++) {
      if (totals[t] > 0) {
        byType.add(new TypeCount(TYPES[t], power[t], totals[t], free[t]));
      }
    }
    return new ConnectorCounts(total, available, List.copyOf(byType));
  }

  private static final ConnectorType[] TYPES = ConnectorType.values();
}
