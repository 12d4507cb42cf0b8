package org.solarmarket.trading.book;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.solarmarket.contracts.Fill;

/**
 * The order book of one market (one delivery slot): resting bids sorted by price descending and
 * asks ascending, each price level FIFO by arrival. It also keeps the market's trade statistics
 * and, for periodic matching, the orders that wait for the next cycle.
 */
public final class OrderBook {

    /** Trades kept for {@code GET /trades}; older ones are on the fills topic. */
    public static final int RECENT_TRADES = 1_000;

    private final String market;
    private final Instant slotStart;
    private final NavigableMap<Long, PriceLevel> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, PriceLevel> asks = new TreeMap<>();
    private final Deque<Order> pending = new ArrayDeque<>();
    private final Deque<Fill> recentTrades = new ArrayDeque<>();
    /** Every order placed in this market, open or closed, so that the engine can drop them with the book. */
    private final List<Order> placedOrders = new ArrayList<>();
    private boolean closed;
    private long changeSequence;
    private long tradeSequence;
    private long lastPrice = -1;
    private long volume;
    private long tradedValue;
    private int restingOrders;

    public OrderBook(String market, Instant slotStart) {
        this.market = market;
        this.slotStart = slotStart;
    }

    public String market() {
        return market;
    }

    public Instant slotStart() {
        return slotStart;
    }

    public void add(Order order) {
        NavigableMap<Long, PriceLevel> side = order.isBuy() ? bids : asks;
        side.computeIfAbsent(order.price(), PriceLevel::new).append(order);
        restingOrders++;
        changeSequence++;
    }

    /** Records an order placed in this market, before it rests, waits or closes. */
    public void recordPlaced(Order order) {
        placedOrders.add(order);
    }

    /** Orders placed in this market in placement order, whatever their status. */
    public List<Order> placedOrders() {
        return placedOrders;
    }

    /** Takes a resting order out of the book, for a cancel or expiry. */
    public void remove(Order order) {
        PriceLevel level = order.level;
        level.reduce(order.remaining());
        unlink(order, level);
        changeSequence++;
    }

    /** Matches {@code wh} of a resting order; it leaves the book when nothing remains. */
    public void fillResting(Order order, long wh) {
        PriceLevel level = order.level;
        order.match(wh);
        level.reduce(wh);
        if (order.remaining() == 0) {
            unlink(order, level);
        }
        changeSequence++;
    }

    private void unlink(Order order, PriceLevel level) {
        level.unlink(order);
        restingOrders--;
        if (level.isEmpty()) {
            (order.isBuy() ? bids : asks).remove(level.price());
        }
    }

    public PriceLevel bestBid() {
        var entry = bids.firstEntry();
        return entry == null ? null : entry.getValue();
    }

    public PriceLevel bestAsk() {
        var entry = asks.firstEntry();
        return entry == null ? null : entry.getValue();
    }

    /** Bid levels, best (highest) first. */
    public Collection<PriceLevel> bidLevels() {
        return bids.values();
    }

    /** Ask levels, best (lowest) first. */
    public Collection<PriceLevel> askLevels() {
        return asks.values();
    }

    public boolean isCrossed() {
        PriceLevel bid = bestBid();
        PriceLevel ask = bestAsk();
        return bid != null && ask != null && bid.price() >= ask.price();
    }

    /** Orders accepted since the last periodic cycle, oldest first. */
    public Deque<Order> pending() {
        return pending;
    }

    public void recordTrade(Fill fill, long price, long wh) {
        lastPrice = price;
        volume += wh;
        tradedValue += price * wh;
        if (recentTrades.size() == RECENT_TRADES) {
            recentTrades.removeFirst();
        }
        recentTrades.addLast(fill);
        changeSequence++;
    }

    public long nextTradeSequence() {
        return ++tradeSequence;
    }

    /** Trades of this market, oldest first, at most {@link #RECENT_TRADES}. */
    public Deque<Fill> recentTrades() {
        return recentTrades;
    }

    /** Sets the counters and statistics of a book read back from a snapshot, after its orders were added. */
    public void restoreStatistics(boolean closed, long changeSequence, long tradeSequence, long lastPrice, long volume,
                                  long tradedValue, List<Fill> trades) {
        this.closed = closed;
        this.changeSequence = changeSequence;
        this.tradeSequence = tradeSequence;
        this.lastPrice = lastPrice;
        this.volume = volume;
        this.tradedValue = tradedValue;
        recentTrades.clear();
        recentTrades.addAll(trades);
    }

    public boolean isClosed() {
        return closed;
    }

    public void markClosed() {
        closed = true;
        changeSequence++;
    }

    /** Grows on every change of levels or trades; published as the book update's sequence. */
    public long changeSequence() {
        return changeSequence;
    }

    public long tradeCount() {
        return tradeSequence;
    }

    /** Last trade price, or -1 before the first trade. */
    public long lastPrice() {
        return lastPrice;
    }

    /** Traded quantity in Wh. */
    public long volume() {
        return volume;
    }

    /** Traded value in credit units. */
    public long tradedValue() {
        return tradedValue;
    }

    public int restingOrders() {
        return restingOrders;
    }
}
