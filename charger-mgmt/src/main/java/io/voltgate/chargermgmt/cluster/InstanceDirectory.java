package io.voltgate.chargermgmt.cluster;

import java.time.Instant;
import java.util.List;

/** Storage of the instance rows (csms_instance). */
public interface InstanceDirectory {

  /** Inserts or replaces this instance's row. */
  void heartbeat(InstanceStatus status);

  List<InstanceStatus> all();

  /** Deletes the row of an instance that stopped heartbeating before {@code before}; true if it was deleted. */
  boolean removeIfSilentSince(String instanceId, Instant before);

  void remove(String instanceId);
}
