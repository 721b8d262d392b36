package io.voltgate.sharedkernel;

/**
 * Requests an instance sends to itself (the start-up warm-up) carry this header, so the contexts
 * leave them out of the latency figures operators alert on. It hides nothing of consequence if
 * someone else sends it: the request is still served, only not counted.
 */
public final class SyntheticTraffic {

  /** Header name; its value is the sender, e.g. {@code warm-up}. */
  public static final String HEADER = "X-Voltgate-Synthetic";

  private SyntheticTraffic() {}
}
