package org.solarmarket.trading.matching;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.solarmarket.contracts.MarketCalendar;

/**
 * Settings of the matching engine. Rules for a market come from {@code marketRules} by market
 * name, else from {@code defaultRules}.
 *
 * <p>NOTE: replaying the journal with other settings than the ones it was written with gives
 * other results; the settings are not journaled.
 *
 * @param closedMarketRetention how long, in platform time, a market's book, orders and client
 *                              order ids stay in the engine after its slot starts and it closes.
 *                              Zero drops them at the first tick after the close.
 */
public record EngineConfig(MarketCalendar calendar, MarketRules defaultRules, Map<String, MarketRules> marketRules,
                           LiquidityRules liquidity, Duration closedMarketRetention) {

    public static final Duration DEFAULT_CLOSED_MARKET_RETENTION = Duration.ofDays(1);

    public static final EngineConfig DEFAULT = new EngineConfig(MarketCalendar.DEFAULT, MarketRules.DEFAULT,
            Map.of(), LiquidityRules.DEFAULT);

    public EngineConfig {
        marketRules = Map.copyOf(marketRules);
        Objects.requireNonNull(closedMarketRetention, "closedMarketRetention");
        if (closedMarketRetention.isNegative()) {
            throw new IllegalArgumentException("invalid closed-market retention " + closedMarketRetention
                    + ": it must be zero or positive");
        }
    }

    /** Creates settings with the default closed-market retention of one day. */
    public EngineConfig(MarketCalendar calendar, MarketRules defaultRules, Map<String, MarketRules> marketRules,
                        LiquidityRules liquidity) {
        this(calendar, defaultRules, marketRules, liquidity, DEFAULT_CLOSED_MARKET_RETENTION);
    }

    public MarketRules rulesFor(String market) {
        return marketRules.getOrDefault(market, defaultRules);
    }

    public EngineConfig withDefaultRules(MarketRules rules) {
        return new EngineConfig(calendar, rules, marketRules, liquidity, closedMarketRetention);
    }

    public EngineConfig withClosedMarketRetention(Duration retention) {
        return new EngineConfig(calendar, defaultRules, marketRules, liquidity, retention);
    }
}
