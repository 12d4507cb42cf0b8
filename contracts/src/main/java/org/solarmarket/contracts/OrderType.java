package org.solarmarket.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/** A limit order rests at its price; a market order trades at once against the book. */
public enum OrderType {
    LIMIT, MARKET;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
