package org.solarmarket.trading.matching;

import java.math.BigDecimal;
import org.solarmarket.trading.book.OrderBook;
import org.solarmarket.trading.book.PriceLevel;
import org.solarmarket.trading.money.Amounts;

/**
 * Statistics of one order book. Prices are credits per kWh and quantities kWh; a missing side
 * leaves best price, spread and mid null.
 *
 * @param bidDepth     resting buy quantity over all levels
 * @param askDepth     resting sell quantity over all levels
 * @param volume       traded quantity in this market
 * @param orders       resting orders on both sides
 * @param liquid       whether the book passes {@link LiquidityRules}
 * @param liquidityNote the reason for the assessment, as a sentence
 */
public record BookSummary(String market, BigDecimal bestBid, BigDecimal bestAsk, BigDecimal spread, BigDecimal mid,
                          BigDecimal bidDepth, BigDecimal askDepth, BigDecimal lastPrice, BigDecimal volume,
                          long trades, int orders, boolean liquid, String liquidityNote) {

    public static BookSummary of(OrderBook book, LiquidityRules rules) {
        PriceLevel bid = book.bestBid();
        PriceLevel ask = book.bestAsk();
        long bidDepth = depth(book.bidLevels());
        long askDepth = depth(book.askLevels());
        Long spread = bid != null && ask != null ? ask.price() - bid.price() : null;
        BigDecimal mid = spread == null ? null
                : Amounts.price(bid.price() + ask.price()).divide(BigDecimal.valueOf(2));
        boolean liquid;
        String note;
        if (spread == null) {
            liquid = false;
            note = "illiquid: " + (bid == null && ask == null ? "both sides are empty"
                    : bid == null ? "no bids" : "no asks");
        } else if (spread > rules.maxSpread()) {
            liquid = false;
            note = "illiquid: spread " + Amounts.price(spread).toPlainString() + " exceeds "
                    + Amounts.price(rules.maxSpread()).toPlainString();
        } else if (Math.min(bidDepth, askDepth) < rules.minDepth()) {
            liquid = false;
            note = "illiquid: the thinner side rests " + Amounts.energy(Math.min(bidDepth, askDepth)).toPlainString()
                    + " kWh, less than " + Amounts.energy(rules.minDepth()).toPlainString() + " kWh";
        } else {
            liquid = true;
            note = "liquid: spread " + Amounts.price(spread).toPlainString() + " and at least "
                    + Amounts.energy(rules.minDepth()).toPlainString() + " kWh on each side";
        }
        return new BookSummary(book.market(), bid == null ? null : Amounts.price(bid.price()),
                ask == null ? null : Amounts.price(ask.price()), spread == null ? null : Amounts.price(spread), mid,
                Amounts.energy(bidDepth), Amounts.energy(askDepth),
                book.lastPrice() < 0 ? null : Amounts.price(book.lastPrice()), Amounts.energy(book.volume()),
                book.tradeCount(), book.restingOrders(), liquid, note);
    }

    private static long depth(Iterable<PriceLevel> levels) {
        long total = 0;
        for (PriceLevel level : levels) {
            total += level.totalQuantity();
        }
        return total;
    }
}
