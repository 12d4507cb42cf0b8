package org.solarmarket.replay.community;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The price band of the community market, in credits per kWh: the feed-in tariff a prosumer gets
 * from the grid for surplus, and the retail tariff a consumer pays the grid. Trading inside the
 * band leaves both sides better off than trading with the grid.
 *
 * @param feedIn feed-in tariff, the bottom of the band
 * @param retail retail tariff, the top of the band
 */
public record Tariffs(BigDecimal feedIn, BigDecimal retail) {

    /** Price tick of the market: 0.01 credits. */
    public static final int PRICE_SCALE = 2;

    public static final Tariffs DEFAULT = new Tariffs(new BigDecimal("0.08"), new BigDecimal("0.32"));

    public Tariffs {
        if (feedIn.signum() <= 0 || retail.compareTo(feedIn) <= 0) {
            throw new IllegalArgumentException("invalid tariffs feed-in " + feedIn + " and retail " + retail
                    + ": need 0 < feed-in < retail");
        }
    }

    /** Returns the price at a fraction of the band (0 = feed-in, 1 = retail), rounded to the tick. */
    public BigDecimal at(double fraction) {
        double clamped = Math.max(0.0, Math.min(1.0, fraction));
        BigDecimal span = retail.subtract(feedIn);
        return feedIn.add(span.multiply(BigDecimal.valueOf(clamped))).setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
    }
}
