package org.solarmarket.contracts;

/**
 * Kafka topic names and their record keys.
 *
 * <p>Keys decide partitions, so they decide ordering: every record about one market is keyed by
 * the market name and therefore stays in order on one partition.
 */
public final class Topics {

    /** Commands for trading-service ({@link TradingCommand}); key: market, or account id for account commands. */
    public static final String ORDERS = "orders";

    /** One outcome per command ({@link OrderEvent}); key: account id. */
    public static final String ORDER_EVENTS = "order-events";

    /** Executed trades ({@link Fill}); key: market. */
    public static final String FILLS = "fills";

    /** Order book snapshots after a change ({@link BookUpdate}); key: market. */
    public static final String BOOK_UPDATES = "book-updates";

    /** Mined ledger blocks ({@link BlockAnnouncement}); key: chain id. */
    public static final String BLOCKS = "blocks";

    private Topics() {
    }
}
