package org.solarmarket.trading.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.solarmarket.contracts.Side.BUY;
import static org.solarmarket.contracts.Side.SELL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.BookUpdate;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.TimeInForce;
import org.solarmarket.contracts.TradingCommand;

/** Scenario tests of the trading rules: reservations, settlement, matching modes, pricing and expiry. */
class MatchingRulesTest {

    private static EngineFixture withTraders(EngineFixture fixture) {
        fixture.account("alice", "100", "50");
        fixture.account("bob", "100", "50");
        fixture.account("carol", "100", "50");
        return fixture;
    }

    @Test
    void ordersReserveAtLimit() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("s1", "alice", SELL, "0.30", "10");
        f.limit("b1", "bob", BUY, "0.25", "20");

        assertEquals("40", f.energyAvailable("alice"));
        assertEquals("10", f.energyReserved("alice"));
        assertEquals("95", f.creditsAvailable("bob"));
        assertEquals("5", f.creditsReserved("bob"));
        assertEquals(List.of("s1"), List.copyOf(f.engine.account("alice").openOrderIds()));
    }

    @Test
    void fillSettlesAndRefundsBuyer() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("s1", "alice", SELL, "0.30", "10");
        OrderEvent outcome = f.limit("b1", "bob", BUY, "0.35", "4");

        assertEquals(OrderEvent.Status.FILLED, outcome.status());
        assertEquals(List.of("b1/s1 4.000@0.30"), f.tradeLines());
        assertEquals("t" + EngineFixture.START.toEpochMilli() + "-1", f.fills.getFirst().tradeId());
        // Bob reserved 1.40 at his limit, paid 1.20 at the ask and got 0.20 back.
        assertEquals("98.8", f.creditsAvailable("bob"));
        assertEquals("0", f.creditsReserved("bob"));
        assertEquals("54", f.energyAvailable("bob"));
        assertEquals("101.2", f.creditsAvailable("alice"));
        assertEquals("6", f.energyReserved("alice"));
        assertEquals("40", f.energyAvailable("alice"));
        assertEquals(OrderEvent.Status.PARTIALLY_FILLED, f.engine.order("s1").status());
    }

    @Test
    void cancelReleasesTheReservation() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("b1", "bob", BUY, "0.25", "20");
        OrderEvent cancelled = f.cancel("b1", "bob");

        assertEquals(OrderEvent.Status.CANCELLED, cancelled.status());
        assertEquals("100", f.creditsAvailable("bob"));
        assertEquals("0", f.creditsReserved("bob"));
        assertTrue(f.engine.account("bob").openOrderIds().isEmpty());
        assertNull(f.engine.book(EngineFixture.MARKET).bestBid());
    }

    @Test
    void continuousPartialFillRestsTheRest() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("s1", "alice", SELL, "0.30", "3");
        OrderEvent outcome = f.limit("b1", "bob", BUY, "0.30", "5");

        assertEquals(OrderEvent.Status.PARTIALLY_FILLED, outcome.status());
        assertEquals(EngineFixture.kwh("3"), outcome.filledQuantity());
        assertEquals(EngineFixture.kwh("2"), outcome.remainingQuantity());
        assertEquals(2_000, f.engine.book(EngineFixture.MARKET).bestBid().totalQuantity());
        assertEquals("0.6", f.creditsReserved("bob"));
    }

    @Test
    void periodicOrdersWaitForTheCycle() {
        EngineFixture f = withTraders(EngineFixture.periodic());
        OrderEvent sell = f.limit("s1", "alice", SELL, "0.30", "10");
        OrderEvent buy = f.limit("b1", "bob", BUY, "0.40", "10");

        assertEquals(OrderEvent.Status.ACCEPTED, sell.status());
        assertEquals(OrderEvent.Status.ACCEPTED, buy.status());
        assertTrue(f.fills.isEmpty());
        assertTrue(f.engine.needsTick(f.now));
        f.advance(Duration.ofMillis(300));
        f.tick();
        assertEquals(List.of("b1/s1 10.000@0.30"), f.tradeLines());
        assertFalse(f.engine.needsTick(f.now));
        assertFalse(f.engine.book(EngineFixture.MARKET).isCrossed());
    }

    @Test
    void periodicCycleRanksByPriceThenTime() {
        EngineFixture f = withTraders(EngineFixture.periodic());
        f.account("dave", "100", "50");
        f.limit("b-low", "bob", BUY, "0.30", "5");
        f.limit("b-high", "carol", BUY, "0.40", "5");
        f.limit("b-high-later", "dave", BUY, "0.40", "5");
        f.limit("s-late-cheap", "alice", SELL, "0.20", "8");
        f.tick();

        assertEquals(List.of("b-high/s-late-cheap 5.000@0.20", "b-high-later/s-late-cheap 3.000@0.20"),
                f.tradeLines());
        assertEquals(2_000, f.engine.order("b-high-later").remaining());
        assertEquals(5_000, f.engine.order("b-low").remaining());
    }

    @Test
    void payAsBidTradesAtTheBid() {
        EngineFixture f = withTraders(new EngineFixture(MatchingMode.PERIODIC, PricingRule.PAY_AS_BID));
        f.limit("s1", "alice", SELL, "0.20", "5");
        f.limit("b1", "bob", BUY, "0.35", "5");
        f.tick();
        assertEquals(List.of("b1/s1 5.000@0.35"), f.tradeLines());
        assertEquals("98.25", f.creditsAvailable("bob"));
        assertEquals("101.75", f.creditsAvailable("alice"));
    }

    @Test
    void payAsClearUsesUniformPrice() {
        EngineFixture f = withTraders(new EngineFixture(MatchingMode.PERIODIC, PricingRule.PAY_AS_CLEAR));
        f.account("dave", "100", "50");
        f.limit("s-cheap", "alice", SELL, "0.10", "4");
        f.limit("s-mid", "carol", SELL, "0.20", "4");
        f.limit("b-high", "bob", BUY, "0.50", "4");
        f.limit("b-mid", "dave", BUY, "0.25", "4");
        f.tick();

        // The marginal pair is b-mid against s-mid, so every trade clears at 0.20.
        assertEquals(List.of("b-high/s-cheap 4.000@0.20", "b-mid/s-mid 4.000@0.20"), f.tradeLines());
        assertEquals("99.2", f.creditsAvailable("bob"));
        assertEquals("100.8", f.creditsAvailable("alice"));
        assertEquals("0", f.creditsReserved("dave"));
    }

    @Test
    void payAsOfferWhenSellerTakes() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("b1", "bob", BUY, "0.40", "5");
        f.limit("s1", "alice", SELL, "0.30", "5");
        assertEquals(List.of("b1/s1 5.000@0.30"), f.tradeLines());
        assertEquals("98.5", f.creditsAvailable("bob"));
    }

    @Test
    void pricingIsChosenPerMarket() {
        String other = "2026-12-04T15:15:00Z";
        EngineConfig config = new EngineConfig(MarketCalendar.DEFAULT, MarketRules.DEFAULT,
                Map.of(other, new MarketRules(MatchingMode.CONTINUOUS, PricingRule.PAY_AS_BID)), LiquidityRules.DEFAULT);
        EngineFixture f = withTraders(new EngineFixture(config));
        f.send(new TradingCommand.PlaceOrder("x1", "alice", f.now, "s1", null, other, SELL, OrderType.LIMIT,
                new BigDecimal("0.10"), new BigDecimal("1"), TimeInForce.GTC, null));
        f.send(new TradingCommand.PlaceOrder("x2", "bob", f.now, "b1", null, other, BUY, OrderType.LIMIT,
                new BigDecimal("0.30"), new BigDecimal("1"), TimeInForce.GTC, null));
        assertEquals(List.of("b1/s1 1.000@0.30"), f.tradeLines());
        assertEquals(MatchingMode.PERIODIC, config.rulesFor(EngineFixture.MARKET).mode());
    }

    @Test
    void immediateOrCancelCancelsTheRest() {
        EngineFixture f = withTraders(EngineFixture.periodic());
        f.limit("s1", "alice", SELL, "0.30", "3");
        f.tick();
        OrderEvent outcome = f.limit("b1", "bob", BUY, "0.30", "5", TimeInForce.IOC);

        assertEquals(OrderEvent.Status.CANCELLED, outcome.status());
        assertEquals(EngineFixture.kwh("3"), outcome.filledQuantity());
        assertEquals(EngineFixture.kwh("0"), outcome.remainingQuantity());
        assertEquals(2_000, f.engine.order("b1").cancelled());
        assertEquals("0", f.creditsReserved("bob"));
        assertNull(f.engine.book(EngineFixture.MARKET).bestBid());
    }

    @Test
    void fillOrKillTradesAllOrNothing() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("s1", "alice", SELL, "0.30", "3");
        f.limit("s2", "carol", SELL, "0.31", "3");

        OrderEvent killed = f.limit("fok-big", "bob", BUY, "0.31", "7", TimeInForce.FOK);
        assertEquals(OrderEvent.Status.CANCELLED, killed.status());
        assertEquals(0, killed.filledQuantity().signum());
        assertTrue(f.fills.isEmpty());
        assertEquals("100", f.creditsAvailable("bob"));

        OrderEvent filled = f.limit("fok-fit", "bob", BUY, "0.31", "6", TimeInForce.FOK);
        assertEquals(OrderEvent.Status.FILLED, filled.status());
        assertEquals(List.of("fok-fit/s1 3.000@0.30", "fok-fit/s2 3.000@0.31"), f.tradeLines());
    }

    @Test
    void marketOrderTradesAndCancelsTheRest() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("s1", "alice", SELL, "0.30", "2");
        f.limit("s2", "carol", SELL, "0.50", "2");
        OrderEvent outcome = f.market("m1", "bob", BUY, "10", null);

        assertEquals(OrderEvent.Status.CANCELLED, outcome.status());
        assertEquals(EngineFixture.kwh("4"), outcome.filledQuantity());
        assertEquals(List.of("m1/s1 2.000@0.30", "m1/s2 2.000@0.50"), f.tradeLines());
        assertEquals("98.4", f.creditsAvailable("bob"));
        assertEquals("0", f.creditsReserved("bob"));
    }

    @Test
    void marketBuyStopsAtItsCreditBound() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("s1", "alice", SELL, "0.30", "2");
        f.limit("s2", "carol", SELL, "0.50", "10");
        OrderEvent outcome = f.market("m1", "bob", BUY, "10", "1.60");

        // 2 kWh at 0.30 cost 0.60; the remaining 1.00 buys 2 kWh at 0.50.
        assertEquals(List.of("m1/s1 2.000@0.30", "m1/s2 2.000@0.50"), f.tradeLines());
        assertEquals(EngineFixture.kwh("4"), outcome.filledQuantity());
        assertEquals("98.4", f.creditsAvailable("bob"));
        assertEquals("0", f.creditsReserved("bob"));
    }

    @Test
    void marketSellTradesAtBids() {
        EngineFixture f = withTraders(EngineFixture.periodic());
        f.limit("b1", "bob", BUY, "0.40", "2");
        f.tick();
        OrderEvent outcome = f.market("m1", "alice", SELL, "2", null);
        assertEquals(OrderEvent.Status.FILLED, outcome.status());
        assertEquals(List.of("b1/m1 2.000@0.40"), f.tradeLines());
        assertEquals("0", f.energyReserved("alice"));
    }

    @Test
    void selfTradeCancelsTheNewerOrder() {
        EngineFixture continuous = withTraders(EngineFixture.continuous());
        continuous.limit("s1", "alice", SELL, "0.30", "5");
        OrderEvent own = continuous.limit("b1", "alice", BUY, "0.30", "5");
        assertEquals(OrderEvent.Status.CANCELLED, own.status());
        assertTrue(own.message().startsWith("self-trade prevention"));
        assertTrue(continuous.fills.isEmpty());
        assertEquals(5_000, continuous.engine.book(EngineFixture.MARKET).bestAsk().totalQuantity());
        assertEquals("100", continuous.creditsAvailable("alice"));

        EngineFixture periodic = withTraders(EngineFixture.periodic());
        periodic.limit("s1", "alice", SELL, "0.30", "5");
        periodic.limit("b1", "alice", BUY, "0.35", "5");
        periodic.limit("b2", "bob", BUY, "0.32", "5");
        periodic.tick();
        assertEquals(OrderEvent.Status.CANCELLED, periodic.engine.order("b1").status());
        assertEquals(List.of("b2/s1 5.000@0.30"), periodic.tradeLines());
        assertEquals("101.5", periodic.creditsAvailable("alice"));
        assertEquals("0", periodic.creditsReserved("alice"));
    }

    @Test
    void slotCloseExpiresOrdersAndRejectsNewOnes() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("s1", "alice", SELL, "0.30", "5");
        f.limit("b1", "bob", BUY, "0.20", "5");
        f.now = Instant.parse(EngineFixture.MARKET);
        assertTrue(f.engine.needsTick(f.now));
        f.tick();

        assertEquals(OrderEvent.Status.EXPIRED, f.engine.order("s1").status());
        assertEquals(OrderEvent.Status.EXPIRED, f.engine.order("b1").status());
        assertEquals("50", f.energyAvailable("alice"));
        assertEquals("100", f.creditsAvailable("bob"));
        assertEquals(2, f.events.stream().filter(e -> e.status() == OrderEvent.Status.EXPIRED).count());
        assertTrue(f.engine.book(EngineFixture.MARKET).isClosed());

        OrderEvent late = f.limit("s2", "alice", SELL, "0.30", "5");
        assertEquals("market_closed", late.reasonCode());
    }

    @Test
    void periodicOrdersGetALastCycleAtClose() {
        EngineFixture f = withTraders(EngineFixture.periodic());
        f.limit("s1", "alice", SELL, "0.30", "5");
        f.limit("b1", "bob", BUY, "0.30", "3");
        f.now = Instant.parse(EngineFixture.MARKET);
        f.tick();
        assertEquals(List.of("b1/s1 3.000@0.30"), f.tradeLines());
        assertEquals(OrderEvent.Status.EXPIRED, f.engine.order("s1").status());
        assertEquals(3_000, f.engine.order("s1").filled());
        assertEquals(2_000, f.engine.order("s1").cancelled());
        assertEquals("47", f.energyAvailable("alice"));
    }

    @Test
    void missingMarketMeansNextOpenSlot() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.now = Instant.parse("2026-12-04T12:07:00Z");
        OrderEvent outcome = f.send(new TradingCommand.PlaceOrder("c-x", "alice", f.now, "s1", null, null, SELL,
                OrderType.LIMIT, new BigDecimal("0.30"), BigDecimal.ONE, null, null));
        assertEquals("2026-12-04T12:15:00Z", outcome.market());
        assertEquals(OrderEvent.Status.ACCEPTED, outcome.status());
    }

    @Test
    void clientOrderIdMakesRetryIdempotent() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        TradingCommand.PlaceOrder first = new TradingCommand.PlaceOrder("c-1", "alice", f.now, "o-1", "retry-1",
                EngineFixture.MARKET, SELL, OrderType.LIMIT, new BigDecimal("0.30"), new BigDecimal("2"), null, null);
        TradingCommand.PlaceOrder retry = new TradingCommand.PlaceOrder("c-2", "alice", f.now, "o-2", "retry-1",
                EngineFixture.MARKET, SELL, OrderType.LIMIT, new BigDecimal("0.300"), new BigDecimal("2.0"),
                TimeInForce.GTC, null);
        assertEquals(OrderEvent.Status.ACCEPTED, f.send(first).status());
        OrderEvent repeated = f.send(retry);

        assertEquals(OrderEvent.Status.ACCEPTED, repeated.status());
        assertEquals("o-1", repeated.orderId());
        assertNull(f.engine.order("o-2"));
        assertEquals("2", f.energyReserved("alice"));
        assertEquals(1, f.engine.book(EngineFixture.MARKET).restingOrders());
    }

    @Test
    void oneOutcomePerCommand() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        f.limit("s1", "alice", SELL, "0.30", "5");
        f.limit("b1", "bob", BUY, "0.30", "2");
        f.cancel("s1", "alice");
        f.cancel("s1", "alice");
        // The fixture itself fails when a command has no outcome or two.
        long outcomes = f.events.stream().filter(e -> e.commandId() != null).count();
        assertEquals(f.inputs.size(), outcomes);

        f.engine.publishBookUpdates(f.now, f);
        assertEquals(1, f.bookUpdates.size());
        BookUpdate update = f.bookUpdates.getFirst();
        assertEquals(EngineFixture.MARKET, update.market());
        assertTrue(update.bids().isEmpty());
        assertTrue(update.asks().isEmpty());
        assertEquals(new BigDecimal("0.30"), update.lastPrice());
        f.engine.publishBookUpdates(f.now, f);
        assertEquals(1, f.bookUpdates.size());
    }

    @Test
    void bookShowsTopTwentyLevelsBestFirst() {
        EngineFixture f = EngineFixture.continuous();
        f.account("maker", "10000", "1000");
        for (int i = 1; i <= 25; i++) {
            f.limit("b" + i, "maker", BUY, "0." + (10 + i), "1");
        }
        f.limit("b-same", "maker", BUY, "0.35", "2");
        BookUpdate update = f.engine.bookUpdate(f.engine.book(EngineFixture.MARKET), f.now);
        assertEquals(20, update.bids().size());
        assertEquals(new BigDecimal("0.35"), update.bids().getFirst().price());
        assertEquals(EngineFixture.kwh("3"), update.bids().getFirst().quantity());
        assertEquals(2, update.bids().getFirst().orders());
        assertEquals(new BigDecimal("0.16"), update.bids().getLast().price());
    }

    @Test
    void liquidityFollowsSpreadAndDepth() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        BookSummary empty = summary(f);
        assertFalse(empty.liquid());
        f.limit("b1", "bob", BUY, "0.30", "5");
        f.limit("s1", "alice", SELL, "0.40", "20");
        BookSummary wide = summary(f);
        assertFalse(wide.liquid());
        assertEquals(new BigDecimal("0.10"), wide.spread());
        assertEquals(new BigDecimal("0.35"), wide.mid());
        f.limit("s2", "carol", SELL, "0.33", "5");
        BookSummary thin = summary(f);
        assertFalse(thin.liquid());
        assertTrue(thin.liquidityNote().contains("thinner side"), thin.liquidityNote());
        f.limit("b2", "carol", BUY, "0.31", "5");
        BookSummary tight = summary(f);
        assertTrue(tight.liquid(), tight.liquidityNote());
        assertEquals(new BigDecimal("0.02"), tight.spread());
        assertEquals(4, tight.orders());
        assertEquals(EngineFixture.kwh("25"), tight.askDepth());
        assertEquals(EngineFixture.kwh("10"), tight.bidDepth());
    }

    private static BookSummary summary(EngineFixture f) {
        var book = f.engine.book(EngineFixture.MARKET);
        if (book == null) {
            book = new org.solarmarket.trading.book.OrderBook(EngineFixture.MARKET, Instant.parse(EngineFixture.MARKET));
        }
        return BookSummary.of(book, LiquidityRules.DEFAULT);
    }

    @Test
    void withdrawAndCreditMoveAvailableBalances() {
        EngineFixture f = withTraders(EngineFixture.continuous());
        OrderEvent withdrawn = f.send(new TradingCommand.Withdraw("w1", "alice", f.now,
                org.solarmarket.contracts.Asset.CREDITS, new BigDecimal("40.50"), "payout"));
        assertEquals(OrderEvent.Status.WITHDRAWN, withdrawn.status());
        assertEquals("59.5", f.creditsAvailable("alice"));
        OrderEvent credited = f.send(new TradingCommand.Credit("m1", "alice", f.now,
                org.solarmarket.contracts.Asset.ENERGY_KWH, new BigDecimal("1.234"), "meter"));
        assertEquals(OrderEvent.Status.CREDITED, credited.status());
        assertEquals("51.234", f.energyAvailable("alice"));
    }
}
