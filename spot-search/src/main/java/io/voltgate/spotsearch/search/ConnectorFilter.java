package io.voltgate.spotsearch.search;

import io.voltgate.sharedkernel.ConnectorType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which connectors count: any of {@code types} (all when empty) with at least {@code
 * minPowerKw} (inclusive; none when null). Both must hold for one and the same connector
 * (CONTRACT §2).
 */
public record ConnectorFilter(Set<ConnectorType> types, Double minPowerKw) {

  public static final ConnectorFilter NONE = new ConnectorFilter(Set.of(), null);

  public ConnectorFilter {
    types = types == null || types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
    if (minPowerKw != null && !(minPowerKw >= 0 && minPowerKw < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("minPowerKw must be a number of at least 0");
    }
  }

  /** True when a type or power filter is given, so a spot needs a matching connector. */
  public boolean isRestrictive() {
    return !types.isEmpty() || minPowerKw != null;
  }

  public boolean matches(ConnectorType type, double maxPowerKw) {
    return (types.isEmpty() || types.contains(type)) && (minPowerKw == null || maxPowerKw >= minPowerKw);
  }
}
