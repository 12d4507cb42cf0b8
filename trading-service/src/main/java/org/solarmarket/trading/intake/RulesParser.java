package org.solarmarket.trading.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.trading.matching.EngineConfig;
import org.solarmarket.trading.matching.LiquidityRules;
import org.solarmarket.trading.matching.MarketRules;
import org.solarmarket.trading.matching.MatchingMode;
import org.solarmarket.trading.matching.PricingRule;
import org.solarmarket.trading.money.AmountRule;

/** Reads the engine settings from configuration text, naming the key and value of a bad entry. */
public final class RulesParser {

    private RulesParser() {
    }

    public static MatchingMode mode(String key, String text) {
        try {
            return MatchingMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + key + " '" + text + "': use periodic or continuous", e);
        }
    }

    public static PricingRule pricing(String key, String text) {
        try {
            return PricingRule.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + key + " '" + text
                    + "': use pay-as-offer, pay-as-bid or pay-as-clear", e);
        }
    }

    /**
     * Parses per-market overrides such as
     * {@code 2026-12-04T15:00:00Z=continuous/pay-as-bid,2026-12-04T15:15:00Z=periodic/pay-as-clear}.
     */
    public static Map<String, MarketRules> marketRules(String key, String text, MarketCalendar calendar) {
        Map<String, MarketRules> rules = new HashMap<>();
        if (text == null || text.isBlank()) {
            return rules;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            int equals = trimmed.indexOf('=');
            int slash = trimmed.indexOf('/', Math.max(equals, 0));
            if (equals < 0 || slash < 0) {
                throw new IllegalArgumentException("invalid " + key + " entry '" + trimmed
                        + "': expected market=mode/pricing, e.g. 2026-12-04T15:00:00Z=continuous/pay-as-bid");
            }
            String market = MarketCalendar.marketName(calendar.parseMarket(trimmed.substring(0, equals).trim()));
            rules.put(market, new MarketRules(mode(key, trimmed.substring(equals + 1, slash)),
                    pricing(key, trimmed.substring(slash + 1))));
        }
        return rules;
    }

    public static EngineConfig engineConfig(String mode, String pricing, String marketRules, BigDecimal maxSpread,
                                            BigDecimal minDepth, Duration closedMarketRetention) {
        if (closedMarketRetention.isNegative()) {
            throw new IllegalArgumentException("invalid trading.engine.closed-market-retention '"
                    + closedMarketRetention + "': it must be zero or positive, e.g. P1D");
        }
        MarketCalendar calendar = MarketCalendar.DEFAULT;
        MarketRules defaults = new MarketRules(mode("trading.matching.mode", mode), pricing("trading.pricing", pricing));
        LiquidityRules liquidity = new LiquidityRules(
                new AmountRule("trading.liquidity.max-spread", 2, new BigDecimal("10000")).toUnits(maxSpread),
                new AmountRule("trading.liquidity.min-depth", 3, new BigDecimal("1000000")).toUnits(minDepth));
        return new EngineConfig(calendar, defaults, marketRules("trading.market-rules", marketRules, calendar),
                liquidity, closedMarketRetention);
    }
}
