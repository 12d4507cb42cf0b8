package org.solarmarket.contracts;

import java.math.BigDecimal;

/**
 * Ticks and bounds of order amounts. trading-service enforces them on every command. The gateway
 * checks the same values, so a client gets an off-tick or oversized amount back as an HTTP error
 * instead of a later rejection event.
 */
public final class OrderRules {

    /** Decimal places of a quantity in kWh: a tick of 0.001 kWh, one watt-hour. */
    public static final int QUANTITY_SCALE = 3;
    /** Decimal places of a price in credits per kWh: a tick of 0.01. */
    public static final int PRICE_SCALE = 2;
    /** Largest accepted price: 10 000 credits per kWh. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("10000");
    /** Largest accepted order quantity: 1 000 000 kWh (1 GWh). */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");

    private OrderRules() {
    }

    /** Tells whether {@code amount} is a whole number of ticks of {@code 10^-scale}. */
    public static boolean onTick(BigDecimal amount, int scale) {
        return amount.scale() <= scale || amount.stripTrailingZeros().scale() <= scale;
    }

    /** Returns the tick of {@code scale} decimal places as plain text, for example {@code 0.01}. */
    public static String tick(int scale) {
        return BigDecimal.ONE.movePointLeft(scale).toPlainString();
    }
}
