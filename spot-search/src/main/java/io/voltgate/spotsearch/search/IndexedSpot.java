package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.ConnectorStatus;
import io.voltgate.sharedkernel.ConnectorType;
import io.voltgate.sharedkernel.GeoPoint;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
   * Counts the connectors that match {@code filter}, in total, available, and by type with the
   * highest power of that type; types in {@link ConnectorType} order.
   */
  public ConnectorCounts count(ConnectorFilter filter, Instant now) {
    int total = 0;
    int available = 0;
    Map<ConnectorType, int[]> counts = null;
    Map<ConnectorType, Double> power = null;
    for (IndexedConnector c : connectors) {
      if (!filter.matches(c.type(), c.maxPowerKw())) {
        continue;
      }
      if (counts == null) {
        counts = new EnumMap<>(ConnectorType.class);
        power = new EnumMap<>(ConnectorType.class);
      }
      boolean free = isAvailable(c, now);
      total++;
      int[] n = counts.computeIfAbsent(c.type(), t -> new int[2]);
      n[0]++;
      if (free) {
        available++;
        n[1]++;
      }
      power.merge(c.type(), c.maxPowerKw(), Math::max);
    }
    if (counts == null) {
      return ConnectorCounts.NONE;
    }
    TypeCount[] byType = new TypeCount[counts.size()];
    int i = 0;
    for (Map.Entry<ConnectorType, int[]> e : counts.entrySet()) {
      byType[i++] = new TypeCount(e.getKey(), power.get(e.getKey()), e.getValue()[0], e.getValue()[1]);
    }
    return new ConnectorCounts(total, available, List.of(byType));
  }
}
