package io.voltgate.chargermgmt.transaction;

import io.voltgate.chargermgmt.idtag.IdTagInfo;
import io.voltgate.chargermgmt.idtag.IdTagService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Start, stop and meter values. A StartTransaction repeated with the same station, connector,
 * idTag, timestamp and meterStart gets the same transactionId; a repeated StopTransaction
 * changes nothing (CONTRACT §1).
 */
@ApplicationScoped
public class TransactionService {

  private static final Logger LOG = Logger.getLogger(TransactionService.class.getName());

  @Inject TransactionRepository transactions;
  @Inject IdTagService idTags;

  @Transactional
  public StartResult start(
      String stationId, int connectorId, String idTag, Instant startedAt, int meterStart, Integer reservationId) {
    IdTagInfo info = idTags.authorize(idTag);
    Optional<ChargingTransaction> replay = transactions.findStart(stationId, connectorId, idTag, startedAt, meterStart);
    if (replay.isPresent()) {
      return new StartResult(replay.get().getTransactionId(), info);
    }
    ChargingTransaction tx =
        transactions.add(
            new ChargingTransaction(stationId, connectorId, idTag, startedAt, meterStart, reservationId, Instant.now()));
    return new StartResult(tx.getTransactionId(), info);
  }

  /**
   * Stops a transaction and stores its transactionData. Returns the IdTagInfo for the idTag
   * when one was given. An unknown transaction id is still acknowledged (the charger cannot do
   * anything better with a refusal) and logged.
   */
  @Transactional
  public Optional<IdTagInfo> stop(
      String stationId,
      int transactionId,
      Instant stoppedAt,
      int meterStop,
      String reason,
      String idTag,
      List<MeterSample> transactionData) {
    Optional<ChargingTransaction> found = transactions.find(transactionId).filter(t -> t.getStationId().equals(stationId));
    if (found.isEmpty()) {
      LOG.warning(() -> "StopTransaction for unknown transaction " + transactionId + " from " + stationId);
    } else {
      ChargingTransaction tx = found.get();
      if (tx.stop(stoppedAt, meterStop, reason, idTag) && !transactionData.isEmpty()) {
        transactions.addSamples(stationId, tx.getConnectorId(), transactionId, transactionData);
      }
    }
    return idTag == null ? Optional.empty() : Optional.of(idTags.authorize(idTag));
  }

  @Transactional
  public void meterValues(String stationId, int connectorId, Integer transactionId, List<MeterSample> samples) {
    if (!samples.isEmpty()) {
      transactions.addSamples(stationId, connectorId, transactionId, samples);
    }
  }

  @Transactional
  public List<ChargingTransaction> page(String stationId, Boolean active, Integer afterId, int limit) {
    return transactions.page(stationId, active, afterId, limit);
  }

  /** Stations with a transaction that has not stopped (the session migrator moves them last). */
  @Transactional
  public java.util.Set<String> stationsWithActiveTransactions() {
    return transactions.stationsWithActiveTransactions();
  }
}
