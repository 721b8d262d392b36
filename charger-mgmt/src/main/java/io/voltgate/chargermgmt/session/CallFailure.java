package io.voltgate.chargermgmt.session;

/** Why an outbound CALL got no CALLRESULT. */
public sealed class CallFailure extends RuntimeException {

  CallFailure(String message) {
    super(message, null, false, false);
  }

  /** The station answered with a CALLERROR (or an answer invalid for the action). */
  public static final class Rejected extends CallFailure {
    private final String errorCode;
    private final String errorDescription;

    public Rejected(String errorCode, String errorDescription) {
      super(errorCode + ": " + errorDescription);
      this.errorCode = errorCode;
      this.errorDescription = errorDescription;
    }

    public String errorCode() {
      return errorCode;
    }

    public String errorDescription() {
      return errorDescription;
    }
  }

  /** No answer within the call timeout. */
  public static final class TimedOut extends CallFailure {
    public TimedOut(String message) {
      super(message);
    }
  }

  /** The station is not connected (or disconnected before answering). */
  public static final class NotConnected extends CallFailure {
    public NotConnected(String message) {
      super(message);
    }
  }
}
