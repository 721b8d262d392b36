package io.voltgate.chargermgmt.ocpp;

import io.voltgate.chargermgmt.ocpp.frame.RpcErrorCode;

/** A CALL that must be answered with a CALLERROR of this code. */
public class OcppCallException extends RuntimeException {
  private final RpcErrorCode code;

  public OcppCallException(RpcErrorCode code, String description) {
    super(description, null, false, false);
    this.code = code;
  }

  public RpcErrorCode code() {
    return code;
  }
}
