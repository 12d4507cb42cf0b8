package org.solarmarket.trading.book;

/** The orders resting at one price, oldest first, as a doubly linked list. */
public final class PriceLevel {

    private final long price;
    private Order head;
    private Order tail;
    private int orderCount;
    private long totalQuantity;

    PriceLevel(long price) {
        this.price = price;
    }

    public long price() {
        return price;
    }

    /** The oldest order, which trades first. */
    public Order head() {
        return head;
    }

    public int orderCount() {
        return orderCount;
    }

    /** Remaining quantity of all orders at this price, in Wh. */
    public long totalQuantity() {
        return totalQuantity;
    }

    public boolean isEmpty() {
        return head == null;
    }

    void append(Order order) {
        order.level = this;
        order.previous = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        orderCount++;
        totalQuantity += order.remaining();
    }

    void unlink(Order order) {
        if (order.previous == null) {
            head = order.next;
        } else {
            order.previous.next = order.next;
        }
        if (order.next == null) {
            tail = order.previous;
        } else {
            order.next.previous = order.previous;
        }
        order.previous = null;
        order.next = null;
        order.level = null;
        orderCount--;
    }

    void reduce(long wh) {
        totalQuantity -= wh;
    }
}
