package org.solarmarket.trading.matching;

import java.util.Map;
import org.solarmarket.contracts.MarketCalendar;

/**
 * Settings of the matching engine. Rules for a market come from {@code marketRules} by market
 * name, else from {@code defaultRules}.
 *
 * <p>NOTE: replaying the journal with other settings than the ones it was written with gives
 * other results; the settings are not journaled.
 */
public record EngineConfig(MarketCalendar calendar, MarketRules defaultRules, Map<String, MarketRules> marketRules,
                           LiquidityRules liquidity) {

    public static final EngineConfig DEFAULT = new EngineConfig(MarketCalendar.DEFAULT, MarketRules.DEFAULT,
            Map.of(), LiquidityRules.DEFAULT);

    public EngineConfig {
        marketRules = Map.copyOf(marketRules);
    }

    public MarketRules rulesFor(String market) {
        return marketRules.getOrDefault(market, defaultRules);
    }

    public EngineConfig withDefaultRules(MarketRules rules) {
        return new EngineConfig(calendar, rules, marketRules, liquidity);
    }
}
