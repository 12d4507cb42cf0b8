package org.solarmarket.trading.matching;

/** How one market matches and prices its trades. */
public record MarketRules(MatchingMode mode, PricingRule pricing) {

    public static final MarketRules DEFAULT = new MarketRules(MatchingMode.PERIODIC, PricingRule.PAY_AS_OFFER);
}
