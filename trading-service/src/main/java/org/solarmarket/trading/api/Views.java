package org.solarmarket.trading.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TimeInForce;
import org.solarmarket.trading.account.Account;
import org.solarmarket.trading.book.Order;
import org.solarmarket.trading.book.OrderBook;
import org.solarmarket.trading.book.PriceLevel;
import org.solarmarket.trading.matching.TradingEngine;
import org.solarmarket.trading.money.Amounts;

/** JSON shapes of the HTTP answers, built from engine state while the caller holds the read lock. */
final class Views {

    private Views() {
    }

    record Book(String market, List<Level> bids, List<Level> asks) {
    }

    /** One price level; {@code entries} lists its orders oldest first when requested. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Level(BigDecimal price, BigDecimal quantity, int orders, List<Entry> entries) {
    }

    record Entry(String orderId, BigDecimal remaining) {
    }

    record OrderStatus(String orderId, String accountId, String clientOrderId, String market, Side side,
                       OrderType orderType, TimeInForce timeInForce, BigDecimal price, BigDecimal quantity,
                       BigDecimal filled, BigDecimal remaining, BigDecimal cancelled, BigDecimal averagePrice,
                       OrderEvent.Status status, Instant acceptedAt) {
    }

    record Balance(BigDecimal available, BigDecimal reserved) {
    }

    record AccountBalances(String accountId, Balance energyKwh, Balance credits, List<OrderStatus> openOrders) {
    }

    record Market(String market, Instant closesAt, int orders, BigDecimal lastPrice, BigDecimal volume) {
    }

    record Stats(long trades, BigDecimal volume, long openOrders, int accounts, int markets, long inputs,
                 String stateDigest) {
    }

    static Book book(String market, OrderBook book, boolean withEntries) {
        if (book == null) {
            return new Book(market, List.of(), List.of());
        }
        return new Book(market, levels(book.bidLevels(), withEntries), levels(book.askLevels(), withEntries));
    }

    private static List<Level> levels(Iterable<PriceLevel> side, boolean withEntries) {
        List<Level> levels = new ArrayList<>();
        for (PriceLevel level : side) {
            if (levels.size() == TradingEngine.BOOK_DEPTH) {
                break;
            }
            List<Entry> entries = null;
            if (withEntries) {
                entries = new ArrayList<>(level.orderCount());
                for (Order order = level.head(); order != null; order = order.nextInLevel()) {
                    entries.add(new Entry(order.orderId(), Amounts.energy(order.remaining())));
                }
            }
            levels.add(new Level(Amounts.price(level.price()), Amounts.energy(level.totalQuantity()),
                    level.orderCount(), entries));
        }
        return levels;
    }

    static OrderStatus order(Order order) {
        return new OrderStatus(order.orderId(), order.accountId(), order.clientOrderId(), order.market(), order.side(),
                order.type(), order.timeInForce(), order.type() == OrderType.LIMIT ? Amounts.price(order.price()) : null,
                Amounts.energy(order.quantity()), Amounts.energy(order.filled()), Amounts.energy(order.remaining()),
                Amounts.energy(order.cancelled()), Amounts.averagePrice(order.filledValue(), order.filled()),
                order.status(), order.acceptedAt());
    }

    static AccountBalances account(Account account, TradingEngine engine) {
        List<OrderStatus> open = new ArrayList<>();
        for (String orderId : account.openOrderIds()) {
            open.add(order(engine.order(orderId)));
        }
        return new AccountBalances(account.id(),
                new Balance(Amounts.energy(account.energyAvailable()), Amounts.energy(account.energyReserved())),
                new Balance(Amounts.credits(account.creditsAvailable()), Amounts.credits(account.creditsReserved())),
                open);
    }
}
