package org.solarmarket.trading.matching;

/**
 * When limit orders that rest (good till the slot closes) are matched. Immediate-or-cancel,
 * fill-or-kill and market orders always trade at once against the resting book in both modes,
 * because they never rest.
 */
public enum MatchingMode {
    /** Orders wait for the next cycle, which ranks them with the book by price and time and matches. */
    PERIODIC,
    /** Each order matches as it arrives, as the taker against the resting orders. */
    CONTINUOUS
}
