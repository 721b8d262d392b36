package io.voltgate.sharedkernel;

import java.util.Optional;

/** The plug types an operator can register for a connector (CONTRACT §2), by their API label. */
public enum ConnectorType {
  CHADEMO("CHAdeMO"),
  CCS1("CCS1"),
  CCS2("CCS2"),
  TYPE1("Type1"),
  TYPE2("Type2"),
  GBT("GB/T"),
  NACS("NACS");

  private final String label;

  ConnectorType(String label) {
    this.label = label;
  }

  /** The spelling used in the API and stored in {@code connector.type}. */
  public String label() {
    return label;
  }

  public static Optional<ConnectorType> fromLabel(String label) {
    for (ConnectorType t : values()) {
      if (t.label.equals(label)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
