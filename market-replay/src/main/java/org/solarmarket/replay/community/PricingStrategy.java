package org.solarmarket.replay.community;

import java.math.BigDecimal;

/**
 * How agents price their orders inside the tariff band. Each agent has a fixed eagerness in [0, 1]
 * drawn when the community is built. Sellers offer at 30 % to 65 % of the band (an eager seller
 * offers lower), and buyers bid at 40 % to 85 % (an eager buyer bids higher). The ranges overlap, so
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
