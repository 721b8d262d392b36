package io.voltgate.loadtest.charger;

import java.time.Duration;

/**
 * How every simulated charger of a run behaves: its connectors, credentials, traffic model and
 * reconnect policy.
 *
 * @param connectors connectors per station (1..n; connector 0 is the station itself)
 * @param password the station's Basic-auth password, or null for none
 * @param heartbeatOverride when not null, used instead of the BootNotification's interval (as
 *     if an operator had set HeartbeatInterval); null honours the server's interval
 * @param meterInterval MeterValues period during a transaction (MeterValueSampleInterval)
 * @param transactionsPerHour mean rate at which an idle connector starts a transaction
 * @param transactionMin shortest transaction
 * @param transactionMax longest transaction
 * @param idTag the id tag the chargers start transactions with
 * @param callTimeout how long a CALL waits for its answer before it counts as timed out
 * @param handshakeTimeout how long a connection attempt (TCP + upgrade) may take
 * @param reconnect the reconnect policy after a drop or a failed attempt
 * @param honourRetryAfter whether a 503's Retry-After sets the minimum wait
 * @param bootOnly the reference method: after the accepted boot one Heartbeat, then idle (no
 *     status, transactions or periodic heartbeats)
 */
public record ChargerProfile(
    int connectors,
    String password,
    Duration heartbeatOverride,
    Duration meterInterval,
    double transactionsPerHour,
    Duration transactionMin,
    Duration transactionMax,
    String idTag,
    Duration callTimeout,
    Duration handshakeTimeout,
    ReconnectPolicy reconnect,
    boolean honourRetryAfter,
    boolean bootOnly) {

  public ChargerProfile {
    if (connectors < 1) {
      throw new IllegalArgumentException("a station needs at least one connector");
    }
    if (transactionMax.compareTo(transactionMin) < 0) {
      throw new IllegalArgumentException("transactionMax < transactionMin");
    }
  }
}
