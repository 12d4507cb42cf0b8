package org.solarmarket.trading.matching;

import java.util.ArrayList;
import java.util.List;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.TimeInForce;
import org.solarmarket.trading.book.Order;
import org.solarmarket.trading.book.OrderBook;
import org.solarmarket.trading.book.PriceLevel;

/**
 * Price-time matching. An incoming order walks the opposite side best price first and, within a
 * price, oldest first; a periodic cycle pairs the best bid with the best ask while they cross.
 * Self-trade prevention cancels the newer of two orders of the same account. Reused buffers keep
 * the hot path free of per-order allocation.
 */
final class Matcher {

    /** How an incoming order's matching ended. */
    enum Outcome {
        /** It traded what the book and its limit allowed. */
        DONE,
        /** It met an order of its own account; its rest must be cancelled. */
        SELF_TRADE,
        /** Fill-or-kill that the book could not fill completely; nothing traded. */
        KILLED
    }

    private final List<Order> planned = new ArrayList<>();
    private long[] plannedQuantities = new long[16];

    private final List<Order> clearBuys = new ArrayList<>();
    private final List<Order> clearSells = new ArrayList<>();
    private long[] clearQuantities = new long[16];

    Outcome matchIncoming(TradingEngine engine, OrderBook book, Order taker, PricingRule pricing) {
        boolean selfTrade = plan(book, taker);
        long plannedTotal = 0;
        for (int i = 0; i < planned.size(); i++) {
            plannedTotal += plannedQuantities[i];
        }
        if (taker.timeInForce() == TimeInForce.FOK && plannedTotal < taker.remaining()) {
            planned.clear();
            return Outcome.KILLED;
        }
        long uniformPrice = planned.isEmpty() ? 0 : planned.getLast().price();
        for (int i = 0; i < planned.size(); i++) {
            Order maker = planned.get(i);
            long quantity = plannedQuantities[i];
            long price = priceOf(taker, maker, pricing, uniformPrice);
            book.fillResting(maker, quantity);
            taker.match(quantity);
            if (taker.isBuy()) {
                engine.settle(book, taker, maker, price, quantity);
            } else {
                engine.settle(book, maker, taker, price, quantity);
            }
        }
        planned.clear();
        return selfTrade && taker.remaining() > 0 ? Outcome.SELF_TRADE : Outcome.DONE;
    }

    /**
     * Collects the resting orders the taker would trade with, and how much of each, without
     * changing anything. Returns whether the walk stopped at an order of the taker's account.
     */
    private boolean plan(OrderBook book, Order taker) {
        long wanted = taker.remaining();
        long budget = taker.reserved();
        boolean marketBuy = taker.type() == OrderType.MARKET && taker.isBuy();
        Iterable<PriceLevel> levels = taker.isBuy() ? book.askLevels() : book.bidLevels();
        for (PriceLevel level : levels) {
            if (taker.type() == OrderType.LIMIT && !crosses(taker, level.price())) {
                return false;
            }
            for (Order maker = level.head(); maker != null; maker = maker.nextInLevel()) {
                if (maker.accountId().equals(taker.accountId())) {
                    return true;
                }
                long quantity = Math.min(wanted, maker.remaining());
                if (marketBuy) {
                    quantity = Math.min(quantity, budget / level.price());
                    if (quantity == 0) {
                        return false;
                    }
                    budget -= quantity * level.price();
                }
                add(maker, quantity);
                wanted -= quantity;
                if (wanted == 0) {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean crosses(Order taker, long restingPrice) {
        return taker.isBuy() ? taker.price() >= restingPrice : taker.price() <= restingPrice;
    }

    private static long priceOf(Order taker, Order maker, PricingRule pricing, long uniformPrice) {
        if (taker.type() == OrderType.MARKET) {
            return maker.price();
        }
        return switch (pricing) {
            case PAY_AS_OFFER -> taker.isBuy() ? maker.price() : taker.price();
            case PAY_AS_BID -> taker.isBuy() ? taker.price() : maker.price();
            case PAY_AS_CLEAR -> uniformPrice;
        };
    }

    private void add(Order maker, long quantity) {
        if (planned.size() == plannedQuantities.length) {
            plannedQuantities = java.util.Arrays.copyOf(plannedQuantities, plannedQuantities.length * 2);
        }
        plannedQuantities[planned.size()] = quantity;
        planned.add(maker);
    }

    /** Matches a book whose best bid may cross its best ask, until it no longer does. */
    void matchCrossedBook(TradingEngine engine, OrderBook book, PricingRule pricing) {
        long lastAsk = 0;
        while (book.isCrossed()) {
            Order bid = book.bestBid().head();
            Order ask = book.bestAsk().head();
            if (bid.accountId().equals(ask.accountId())) {
                engine.cancelForSelfTrade(book, bid.sequence() > ask.sequence() ? bid : ask);
                continue;
            }
            long quantity = Math.min(bid.remaining(), ask.remaining());
            book.fillResting(bid, quantity);
            book.fillResting(ask, quantity);
            switch (pricing) {
                case PAY_AS_OFFER -> engine.settle(book, bid, ask, ask.price(), quantity);
                case PAY_AS_BID -> engine.settle(book, bid, ask, bid.price(), quantity);
                case PAY_AS_CLEAR -> {
                    deferClear(bid, ask, quantity);
                    lastAsk = ask.price();
                }
            }
        }
        for (int i = 0; i < clearBuys.size(); i++) {
            engine.settle(book, clearBuys.get(i), clearSells.get(i), lastAsk, clearQuantities[i]);
        }
        clearBuys.clear();
        clearSells.clear();
    }

    private void deferClear(Order bid, Order ask, long quantity) {
        if (clearBuys.size() == clearQuantities.length) {
            clearQuantities = java.util.Arrays.copyOf(clearQuantities, clearQuantities.length * 2);
        }
        clearQuantities[clearBuys.size()] = quantity;
        clearBuys.add(bid);
        clearSells.add(ask);
    }
}
