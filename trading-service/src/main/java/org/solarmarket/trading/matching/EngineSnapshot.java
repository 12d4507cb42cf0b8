package org.solarmarket.trading.matching;

import java.time.Instant;
import java.util.List;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TimeInForce;

/**
 * The whole state of a {@link TradingEngine} after {@code inputSequence} inputs, in scaled units,
 * so that a start can load it and replay only the journal entries after it.
 *
 * @param journalOffset offset of the first journal entry not contained in this snapshot; set by
 *                      the Kafka loop, -1 inside the engine
 */
public record EngineSnapshot(long inputSequence, long journalOffset, long eventSequence, long tradeSequence,
                             long orderSequence, long tradeCount, long tradedVolume, Instant now, long origin,
                             List<AccountState> accounts, List<OrderState> orders, List<BookState> books,
                             List<ClientOrderState> clientOrders) {

    public EngineSnapshot withJournalOffset(long offset) {
        return new EngineSnapshot(inputSequence, offset, eventSequence, tradeSequence, orderSequence, tradeCount,
                tradedVolume, now, origin, accounts, orders, books, clientOrders);
    }

    /** Balances and open orders of one account; open orders in placement order. */
    public record AccountState(String id, long energyAvailable, long energyReserved, long creditsAvailable,
                               long creditsReserved, List<String> openOrderIds) {
    }

    /** One order, open or closed. */
    public record OrderState(String orderId, String accountId, String clientOrderId, String market, Side side,
                             OrderType type, TimeInForce timeInForce, long price, long quantity, long sequence,
                             Instant acceptedAt, long remaining, long filled, long cancelled, long filledValue,
                             long reserved, OrderEvent.Status status) {
    }

    /**
     * One book: resting order ids best price first and oldest first within a price, and the
     * orders waiting for the next cycle.
     */
    public record BookState(String market, Instant slotStart, boolean closed, long changeSequence,
                            long tradeSequence, long lastPrice, long volume, long tradedValue, List<String> bids,
                            List<String> asks, List<String> pending, List<Fill> recentTrades) {
    }

    /** A client order id with the order it created and the body it was used with. */
    public record ClientOrderState(String key, String orderId, String fingerprint) {
    }
}
