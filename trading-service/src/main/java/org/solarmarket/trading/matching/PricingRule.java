package org.solarmarket.trading.matching;

/**
 * The price of a trade between a crossing bid and ask. A market order has no price of its own,
 * so it always trades at the resting order's price.
 */
public enum PricingRule {
    /** At the ask (the seller's offer). */
    PAY_AS_OFFER,
    /** At the bid. */
    PAY_AS_BID,
    /**
     * One uniform price for all trades of a periodic cycle: the ask price of the last, marginal
     * pair. Every buyer pays at most its bid and every seller gets at least its ask, because bids
     * are ranked descending and asks ascending. In continuous mode the uniform price of one
     * incoming order's trades is the price of the last resting order it trades with.
     */
    PAY_AS_CLEAR
}
