package org.solarmarket.contracts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One trade between a buy and a sell order. {@code tradeId} is unique and is the ledger's
 * idempotency key for settlement. Price is credits per kWh, quantity kWh.
 */
public record Fill(
        String tradeId,
        String market,
        String buyerId,
        String sellerId,
        String buyOrderId,
        String sellOrderId,
        BigDecimal price,
        BigDecimal quantity,
        Instant executedAt,
        long sequence) {
}
