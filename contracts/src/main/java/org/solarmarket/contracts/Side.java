package org.solarmarket.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/** Side of an order: a buyer of energy pays credits, a seller delivers kWh. */
public enum Side {
    BUY, SELL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
