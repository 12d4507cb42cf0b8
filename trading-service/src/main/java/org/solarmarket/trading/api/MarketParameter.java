package org.solarmarket.trading.api;

import java.time.Instant;
import org.solarmarket.contracts.MarketCalendar;

/** Reads the {@code market} query parameter; without one, the next open delivery slot is meant. */
final class MarketParameter {

    private MarketParameter() {
    }

    static String resolve(String market, MarketCalendar calendar, Instant now) {
        if (market == null || market.isBlank()) {
            return MarketCalendar.marketName(calendar.nextOpenSlot(now));
        }
        try {
            return MarketCalendar.marketName(calendar.parseMarket(market.trim()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("market", market,
                    "expected a slot start in UTC with offset, e.g. 2026-12-04T15:00:00Z");
        }
    }
}
