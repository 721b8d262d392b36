package io.voltgate.chargermgmt.transaction;

import java.util.List;
import java.util.Optional;

/** Storage of transactions and meter values. */
public interface TransactionRepository {

  Optional<ChargingTransaction> find(int transactionId);

  /** The transaction a replayed StartTransaction refers to (the unique replay key). */
  Optional<ChargingTransaction> findStart(String stationId, int connectorId, String idTag, java.time.Instant startedAt, int meterStart);

  ChargingTransaction add(ChargingTransaction transaction);

  /** Inserts the samples in one JDBC batch; samples already stored (replays) are skipped. */
  void addSamples(String stationId, int connectorId, Integer transactionId, List<MeterSample> samples);

  List<ChargingTransaction> page(String stationId, Boolean active, Integer afterId, int limit);

  java.util.Set<String> stationsWithActiveTransactions();
}
