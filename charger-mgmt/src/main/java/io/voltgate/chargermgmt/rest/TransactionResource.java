package io.voltgate.chargermgmt.rest;

import io.voltgate.chargermgmt.transaction.ChargingTransaction;
import io.voltgate.chargermgmt.transaction.TransactionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Transactions (admin); times are the charger's timestamps. */
@Path("/transactions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transactions")
public class TransactionResource {

  /** A transaction as the API shows it (CONTRACT §2). */
  public record TransactionJson(
      int transactionId,
      String stationId,
      int connectorId,
      String idTag,
      Instant startedAt,
      int meterStart,
      Instant stoppedAt,
      Integer meterStop,
      String reason) {

    static TransactionJson of(ChargingTransaction t) {
      return new TransactionJson(
          t.getTransactionId(),
          t.getStationId(),
          t.getConnectorId(),
          t.getIdTag(),
          t.getStartedAt(),
          t.getMeterStart(),
          t.getStoppedAt(),
          t.getMeterStop(),
          t.getStopReason());
    }
  }

  @Inject TransactionService transactions;

  @GET
  @Operation(summary = "A page of transactions, oldest first")
  public PageJson<TransactionJson> list(
      @QueryParam("stationId") String stationId,
      @QueryParam("active") String active,
      @QueryParam("limit") String limit,
      @QueryParam("after") String after) {
    Boolean activeFilter = Params.bool("active", active);
    int max = Params.limit(limit);
    Integer afterId = after == null || after.isEmpty() ? null : Params.integer("after", after);
    List<ChargingTransaction> page =
        transactions.page(stationId == null || stationId.isEmpty() ? null : stationId, activeFilter, afterId, max + 1);
    boolean more = page.size() > max;
    List<TransactionJson> items = page.stream().limit(max).map(TransactionJson::of).toList();
    return new PageJson<>(items, more ? Integer.toString(items.get(items.size() - 1).transactionId()) : null);
  }
}
