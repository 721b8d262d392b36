package io.voltgate.chargermgmt.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The order sessions are closed in: idle stations first, those with an active transaction last. */
final class DrainOrder {

  private DrainOrder() {}

  static List<String> of(Collection<String> connected, Set<String> withActiveTransaction) {
    List<String> idle = new ArrayList<>(connected.size());
    List<String> busy = new ArrayList<>();
    for (String stationId : connected) {
      (withActiveTransaction.contains(stationId) ? busy : idle).add(stationId);
    }
    idle.sort(null);
    busy.sort(null);
    idle.addAll(busy);
    return idle;
  }
}
