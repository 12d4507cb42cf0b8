package org.solarmarket.trading.matching;

/**
 * Thresholds of the liquidity assessment: a market is liquid when both sides are quoted, the
 * spread is at most {@code maxSpread} and the thinner side rests at least {@code minDepth}.
 *
 * @param maxSpread largest spread, hundredths of a credit per kWh
 * @param minDepth  smallest resting quantity of the thinner side, Wh
 */
public record LiquidityRules(long maxSpread, long minDepth) {

    /** Spread up to 0.05 credits per kWh and at least 10 kWh on each side. */
    public static final LiquidityRules DEFAULT = new LiquidityRules(5, 10_000);
}
