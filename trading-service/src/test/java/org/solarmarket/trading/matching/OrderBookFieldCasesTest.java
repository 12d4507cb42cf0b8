package org.solarmarket.trading.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.solarmarket.contracts.Side.BUY;
import static org.solarmarket.contracts.Side.SELL;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.trading.book.Order;
import org.solarmarket.trading.book.OrderBook;
import org.solarmarket.trading.book.PriceLevel;

/**
 * Order book cases from bug reports against other matching engines, run in both matching modes.
 * In periodic mode every order is followed by a cycle, so orders arrive one after another.
 */
class OrderBookFieldCasesTest {

    private EngineFixture fixture;

    private void setUp(MatchingMode mode) {
        fixture = new EngineFixture(mode, PricingRule.PAY_AS_OFFER);
        fixture.account("seller-a", null, "100");
        fixture.account("seller-b", null, "100");
        fixture.account("buyer-1", "1000", null);
        fixture.account("buyer-2", "1000", null);
        fixture.account("buyer-3", "1000", null);
    }

    private OrderEvent place(String id, String account, org.solarmarket.contracts.Side side, String price,
                             String quantity) {
        OrderEvent outcome = fixture.limit(id, account, side, price, quantity);
        fixture.advance(Duration.ofMillis(300));
        fixture.tick();
        return outcome;
    }

    private OrderBook book() {
        return fixture.engine.book(EngineFixture.MARKET);
    }

    @ParameterizedTest
    @EnumSource(MatchingMode.class)
    void partialFillKeepsTimePriority(MatchingMode mode) {
        setUp(mode);
        place("A", "seller-a", SELL, "5.00", "10");
        place("B", "seller-b", SELL, "5.00", "10");
        place("buy-4", "buyer-1", BUY, "5.00", "4");
        place("buy-8", "buyer-2", BUY, "5.00", "8");

        assertEquals(List.of("buy-4/A 4.000@5.00", "buy-8/A 6.000@5.00", "buy-8/B 2.000@5.00"),
                fixture.tradeLines());
        PriceLevel ask = book().bestAsk();
        assertEquals(500, ask.price());
        assertEquals(1, ask.orderCount());
        assertEquals("B", ask.head().orderId());
        assertEquals(8_000, ask.head().remaining());
    }

    @ParameterizedTest
    @EnumSource(MatchingMode.class)
    void bestPriceTradesBeforeOlderWorsePrice(MatchingMode mode) {
        setUp(mode);
        place("ask-101", "seller-a", SELL, "101", "5");
        place("ask-100", "seller-b", SELL, "100", "5");
        place("buy", "buyer-1", BUY, "101", "5");

        assertEquals(List.of("buy/ask-100 5.000@100.00"), fixture.tradeLines());
        assertEquals(10_100, book().bestAsk().price());
        assertEquals("ask-101", book().bestAsk().head().orderId());
        assertEquals(5_000, book().bestAsk().head().remaining());
    }

    @ParameterizedTest
    @EnumSource(MatchingMode.class)
    void exactFillRemovesOrder(MatchingMode mode) {
        setUp(mode);
        place("S", "seller-a", SELL, "10", "5");
        place("b1", "buyer-1", BUY, "10", "2");
        assertEquals(OrderEvent.Status.PARTIALLY_FILLED, fixture.engine.order("S").status());
        place("b2", "buyer-2", BUY, "10", "3");
        Order sell = fixture.engine.order("S");
        assertEquals(0, sell.remaining());
        assertEquals(5_000, sell.filled());
        assertEquals(OrderEvent.Status.FILLED, sell.status());
        assertNull(book().bestAsk());

        OrderEvent last = place("b3", "buyer-3", BUY, "10", "1");
        assertEquals(OrderEvent.Status.ACCEPTED, last.status());
        assertNull(last.reasonCode());
        assertEquals(2, fixture.fills.size());
        PriceLevel bid = book().bestBid();
        assertEquals(1_000, bid.price());
        assertEquals(1_000, bid.totalQuantity());
        assertEquals("b3", bid.head().orderId());
    }

    @ParameterizedTest
    @EnumSource(MatchingMode.class)
    void marketOrderOnEmptyBookIsRejected(MatchingMode mode) {
        setUp(mode);
        OrderEvent outcome = fixture.market("mkt", "buyer-1", BUY, "10", null);
        assertEquals(OrderEvent.Status.REJECTED, outcome.status());
        assertEquals("no_liquidity", outcome.reasonCode());
        assertEquals(0, outcome.filledQuantity().signum());
        assertEquals("1000", fixture.creditsAvailable("buyer-1"));
        assertEquals("0", fixture.creditsReserved("buyer-1"));

        place("sell", "seller-a", SELL, "5", "10");
        assertTrue(fixture.fills.isEmpty());
        assertEquals(10_000, book().bestAsk().totalQuantity());
        assertEquals(OrderEvent.Status.ACCEPTED, fixture.engine.order("sell").status());
    }

    @ParameterizedTest
    @EnumSource(MatchingMode.class)
    void cancelAfterPartialFillKeepsOriginalQuantity(MatchingMode mode) {
        setUp(mode);
        place("ask-490", "seller-a", SELL, "4.90", "3");
        place("ask-500", "seller-b", SELL, "5.00", "5");
        place("buy", "buyer-1", BUY, "5.00", "10");
        Order buy = fixture.engine.order("buy");
        assertEquals(8_000, buy.filled());
        assertEquals(2_000, buy.remaining());
        assertEquals(2_000, book().bestBid().totalQuantity());

        OrderEvent cancelled = fixture.cancel("buy", "buyer-1");
        assertEquals(OrderEvent.Status.CANCELLED, cancelled.status());
        assertEquals(EngineFixture.kwh("10"), cancelled.quantity());
        assertEquals(EngineFixture.kwh("8"), cancelled.filledQuantity());
        assertEquals(10_000, buy.quantity());
        assertEquals(8_000, buy.filled());
        assertEquals(2_000, buy.cancelled());
        assertEquals(buy.quantity(), buy.filled() + buy.cancelled());
        assertEquals(new BigDecimal("4.9625"),
                org.solarmarket.trading.money.Amounts.averagePrice(buy.filledValue(), buy.filled()));
        // 3 kWh at 4.90 and 5 kWh at 5.00 cost 39.70; nothing stays reserved after the cancel.
        assertEquals("960.3", fixture.creditsAvailable("buyer-1"));
        assertEquals("0", fixture.creditsReserved("buyer-1"));
        assertNull(book().bestBid());
    }

    @ParameterizedTest
    @EnumSource(MatchingMode.class)
    void cancelInsideLevelKeepsFifo(MatchingMode mode) {
        setUp(mode);
        place("X", "buyer-1", BUY, "100", "5");
        place("O2", "buyer-2", BUY, "100", "3");
        assertEquals(OrderEvent.Status.CANCELLED, fixture.cancel("X", "buyer-1").status());
        place("O3", "buyer-3", BUY, "100", "7");
        place("sell", "seller-a", SELL, "100", "3");

        assertEquals(List.of("O2/sell 3.000@100.00"), fixture.tradeLines());
        assertEquals(OrderEvent.Status.FILLED, fixture.engine.order("O2").status());
        Order o3 = fixture.engine.order("O3");
        assertEquals(7_000, o3.remaining());
        assertFalse(book().isCrossed());
        assertEquals("O3", book().bestBid().head().orderId());
        assertEquals(1, book().bestBid().orderCount());
    }
}
