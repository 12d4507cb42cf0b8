package org.solarmarket.trading.book;

import java.time.Instant;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TimeInForce;

/**
 * One order and its progress. Quantities are Wh, prices hundredths of a credit per kWh, values
 * credit units (see {@link org.solarmarket.trading.money.Amounts}). While it rests, the order is a
 * node of its price level's FIFO list, which makes a cancel O(1) and keeps time priority exact.
 * Invariant: {@code filled + cancelled + remaining == quantity}.
 */
public final class Order {

    private final String orderId;
    private final String accountId;
    private final String clientOrderId;
    private final String market;
    private final Side side;
    private final OrderType type;
    private final TimeInForce timeInForce;
    private final long price;
    private final long quantity;
    /** Position in time priority; grows across the whole engine. */
    private final long sequence;
    private final Instant acceptedAt;

    private long remaining;
    private long filled;
    private long cancelled;
    private long filledValue;
    /** Credits (buy) or energy (sell) still reserved for this order. */
    private long reserved;
    private OrderEvent.Status status = OrderEvent.Status.ACCEPTED;

    PriceLevel level;
    Order previous;
    Order next;

    public Order(String orderId, String accountId, String clientOrderId, String market, Side side, OrderType type,
                 TimeInForce timeInForce, long price, long quantity, long sequence, Instant acceptedAt) {
        this.orderId = orderId;
        this.accountId = accountId;
        this.clientOrderId = clientOrderId;
        this.market = market;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.quantity = quantity;
        this.sequence = sequence;
        this.acceptedAt = acceptedAt;
        this.remaining = quantity;
    }

    public String orderId() {
        return orderId;
    }

    public String accountId() {
        return accountId;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public String market() {
        return market;
    }

    public Side side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** Limit price; 0 for a market order. */
    public long price() {
        return price;
    }

    public long quantity() {
        return quantity;
    }

    public long sequence() {
        return sequence;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public long remaining() {
        return remaining;
    }

    public long filled() {
        return filled;
    }

    public long cancelled() {
        return cancelled;
    }

    public long filledValue() {
        return filledValue;
    }

    public long reserved() {
        return reserved;
    }

    public OrderEvent.Status status() {
        return status;
    }

    public boolean isOpen() {
        return status == OrderEvent.Status.ACCEPTED || status == OrderEvent.Status.PARTIALLY_FILLED;
    }

    public boolean isResting() {
        return level != null;
    }

    /** Returns the next younger order at the same price, or null. */
    public Order nextInLevel() {
        return next;
    }

    public boolean isBuy() {
        return side == Side.BUY;
    }

    public void addReserved(long amount) {
        reserved = Math.addExact(reserved, amount);
    }

    public void takeReserved(long amount) {
        if (amount < 0 || amount > reserved) {
            throw new IllegalStateException("[order " + orderId + "] reservation " + reserved + " does not cover "
                    + amount);
        }
        reserved -= amount;
    }

    /** Takes {@code wh} off the remaining quantity when the matcher pairs the order. */
    public void match(long wh) {
        if (wh <= 0 || wh > remaining) {
            throw new IllegalStateException("[order " + orderId + "] cannot match " + wh + " of remaining "
                    + remaining);
        }
        remaining -= wh;
    }

    /** Records a settled fill; the status becomes filled once the whole quantity traded. */
    public void settle(long wh, long value) {
        filled += wh;
        filledValue += value;
        if (filled > quantity - cancelled) {
            throw new IllegalStateException("[order " + orderId + "] filled " + filled + " exceeds quantity");
        }
        if (isOpen()) {
            // A cancelled order can still settle trades matched before the cancel (uniform pricing).
            status = filled == quantity ? OrderEvent.Status.FILLED : OrderEvent.Status.PARTIALLY_FILLED;
        }
    }

    /** Sets the progress of an order read back from a snapshot, before it rejoins a book. */
    public void restoreProgress(long remaining, long filled, long cancelled, long filledValue, long reserved,
                                OrderEvent.Status status) {
        if (filled + cancelled + remaining != quantity) {
            throw new IllegalStateException("[order " + orderId + "] snapshot quantities do not add up to " + quantity);
        }
        this.remaining = remaining;
        this.filled = filled;
        this.cancelled = cancelled;
        this.filledValue = filledValue;
        this.reserved = reserved;
        this.status = status;
    }

    /** Cancels (or expires) what is left and returns that quantity. */
    public long close(OrderEvent.Status finalStatus) {
        long rest = remaining;
        cancelled += rest;
        remaining = 0;
        status = finalStatus;
        return rest;
    }
}
