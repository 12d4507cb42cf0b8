package org.solarmarket.replay.community;

import java.math.BigDecimal;

/**
 * How agents price their orders inside the tariff band. Each agent has a fixed eagerness in [0, 1]
 * drawn when the community is built. Sellers ask between 30 % and 65 % of the band (an eager seller
 * asks less); buyers bid between 40 % and 85 % (an eager buyer bids more). The ranges overlap, so
 * eager sellers meet eager buyers and the rest wait, which gives the book depth on both sides.
 */
public final class PricingStrategy {

    private final Tariffs tariffs;

    public PricingStrategy(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    public BigDecimal askPrice(double eagerness) {
        return tariffs.at(0.30 + 0.35 * (1.0 - eagerness));
    }

    public BigDecimal bidPrice(double eagerness) {
        return tariffs.at(0.40 + 0.45 * eagerness);
    }

    public Tariffs tariffs() {
        return tariffs;
    }
}
