package io.voltgate.spotsearch.search;

import java.util.List;

/** A spot's counted connectors (those matching the query's filter). */
public record ConnectorCounts(int total, int available, List<TypeCount> byType) {

  public static final ConnectorCounts NONE = new ConnectorCounts(0, 0, List.of());
}
