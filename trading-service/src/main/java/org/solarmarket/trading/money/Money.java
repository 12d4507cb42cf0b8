package org.solarmarket.trading.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Credit amounts at the edges where whole hundredths are required: rounding half up, division
 * and splitting a total into shares that add up to it exactly. Values are parsed from decimal
 * text, never through {@code double}.
 */
public final class Money {

    public static final int CENT_SCALE = 2;

    private Money() {
    }

    /** Rounds to whole hundredths of a credit, half up. */
    public static BigDecimal roundToCents(BigDecimal amount) {
        return amount.setScale(CENT_SCALE, RoundingMode.HALF_UP);
    }

    /** Divides an amount by a count and rounds the share half up to hundredths. */
    public static BigDecimal divide(BigDecimal amount, int divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("invalid divisor " + divisor + ": it must be positive");
        }
        return amount.divide(BigDecimal.valueOf(divisor), CENT_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Splits {@code total} (whole hundredths) into {@code parts} shares that differ by at most one
     * hundredth and add up to the total exactly. Leftover hundredths go to the earliest shares, so
     * the order of the parties (for example fill order) decides who gets them.
     */
    public static BigDecimal[] allocate(BigDecimal total, int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("invalid number of parts " + parts + ": it must be positive");
        }
        long cents = total.setScale(CENT_SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        long base = Math.floorDiv(cents, parts);
        long leftover = cents - base * parts;
        BigDecimal[] shares = new BigDecimal[parts];
        for (int i = 0; i < parts; i++) {
            shares[i] = BigDecimal.valueOf(base + (i < leftover ? 1 : 0), CENT_SCALE);
        }
        return shares;
    }
}
