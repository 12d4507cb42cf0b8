package org.solarmarket.trading.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.trading.account.Account;

/**
 * Closed markets leave the engine once the retention has passed: {@code tick} drops their books,
 * orders and client order ids, keeps newer closed markets, open markets, accounts and totals, and
 * a replay of the same inputs, whole or from a snapshot, drops the same things.
 */
class RetentionTest {

    private static final Instant START = Instant.parse("2026-12-04T12:00:00Z");
    /** Closes at 12:15 on the first day and leaves at 12:15 on the next. */
    private static final String OLD = "2026-12-04T12:15:00Z";
    /** Closes at 13:00 on the first day, so it is still retained when {@link #OLD} leaves. */
    private static final String NEWER = "2026-12-04T13:00:00Z";
    /** Opens on the second day and is still open when {@link #OLD} leaves. */
    private static final String OPEN = "2026-12-05T18:00:00Z";
    private static final Instant OLD_LEAVES = Instant.parse("2026-12-05T12:15:00Z");

    private final EngineConfig config = new EngineConfig(MarketCalendar.DEFAULT,
            new MarketRules(MatchingMode.CONTINUOUS, PricingRule.PAY_AS_OFFER), Map.of(), LiquidityRules.DEFAULT);

    @Test
    void tickDropsMarketsPastRetentionOnly() {
        EngineFixture f = new EngineFixture(config);
        f.now = START;
        f.account("seller", null, "100");
        f.account("buyer", "100", null);
        f.account("idle", "5", "5");

        place(f, "old-sell", "seller", OLD, Side.SELL, "0.30", "4", "c-old-sell");
        place(f, "old-buy", "buyer", OLD, Side.BUY, "0.35", "1", "c-old-buy");
        place(f, "old-rest", "buyer", OLD, Side.BUY, "0.20", "2", null);
        place(f, "newer-sell", "seller", NEWER, Side.SELL, "0.40", "1", "c-newer");
        assertEquals(1, f.fills.size(), "the old market must hold a trade");

        f.advance(Duration.ofMinutes(61));
        f.tick();
        assertTrue(f.engine.book(OLD).isClosed());
        assertTrue(f.engine.book(NEWER).isClosed());

        f.now = Instant.parse("2026-12-05T00:00:00Z");
        place(f, "open-sell", "seller", OPEN, Side.SELL, "0.50", "3", "c-open");

        Map<String, String> balances = balances(f.engine);
        long trades = f.engine.tradeCount();
        long volume = f.engine.tradedVolume();
        long inputs = f.engine.inputSequence();

        assertFalse(f.engine.needsTick(OLD_LEAVES.minusSeconds(1)), "nothing is due a second before the retention");
        assertTrue(f.engine.needsTick(OLD_LEAVES), "the old market is due at its retention");
        f.now = OLD_LEAVES;
        f.tick();

        assertNull(f.engine.book(OLD));
        for (String orderId : List.of("old-sell", "old-buy", "old-rest")) {
            assertNull(f.engine.order(orderId), orderId);
        }
        assertFalse(f.engine.clientOrders.containsKey(TradingEngine.clientOrderKey("seller", "c-old-sell")));
        assertFalse(f.engine.clientOrders.containsKey(TradingEngine.clientOrderKey("buyer", "c-old-buy")));
        assertTrue(f.engine.isPastRetention(Instant.parse(OLD)));

        assertNotNull(f.engine.book(NEWER));
        assertEquals(OrderEvent.Status.EXPIRED, f.engine.order("newer-sell").status());
        assertTrue(f.engine.clientOrders.containsKey(TradingEngine.clientOrderKey("seller", "c-newer")));
        assertFalse(f.engine.isPastRetention(Instant.parse(NEWER)));
        assertFalse(f.engine.book(OPEN).isClosed());
        assertEquals(1, f.engine.book(OPEN).restingOrders());
        assertEquals(OrderEvent.Status.ACCEPTED, f.engine.order("open-sell").status());

        assertEquals(balances, balances(f.engine), "dropping a market must not touch any account");
        assertEquals(3, f.engine.accounts().size());
        assertEquals(trades, f.engine.tradeCount());
        assertEquals(volume, f.engine.tradedVolume());
        assertEquals(inputs + 1, f.engine.inputSequence());
        assertEquals(2, f.engine.books().size());
        assertFalse(f.engine.needsTick(OLD_LEAVES), "the drop is done");

        // The freed client order id places a new order, and a retry with a retained one returns its order.
        f.advance(Duration.ofSeconds(1));
        OrderEvent reused = place(f, "reused", "seller", OPEN, Side.SELL, "0.30", "4", "c-old-sell");
        assertEquals("reused", reused.orderId());
        assertEquals(OrderEvent.Status.ACCEPTED, reused.status());
        OrderEvent retry = place(f, "retry", "seller", OPEN, Side.SELL, "0.50", "3", "c-open");
        assertEquals("open-sell", retry.orderId());
        assertNull(f.engine.order("retry"));

        OrderEvent cancel = f.send(new TradingCommand.CancelOrder(f.nextCommandId(), "buyer", f.now, "old-rest", OLD));
        assertEquals(OrderEvent.Status.REJECTED, cancel.status());
        assertEquals(RejectReason.UNKNOWN_ORDER.code(), cancel.reasonCode());
        assertTrue(cancel.message().contains("market " + OLD + " closed more than PT24H ago"), cancel.message());

        assertReplayDropsTheSame(f);
    }

    @Test
    void retentionCountsFromSlotStart() {
        EngineFixture f = new EngineFixture(config.withClosedMarketRetention(Duration.ofHours(2)));
        f.now = START;
        f.account("seller", null, "10");
        place(f, "s1", "seller", OLD, Side.SELL, "0.30", "1", "c-1");

        f.now = Instant.parse("2026-12-04T12:15:00Z");
        f.tick();
        assertTrue(f.engine.book(OLD).isClosed());
        f.now = Instant.parse("2026-12-04T14:14:59Z");
        f.tick();
        assertNotNull(f.engine.order("s1"), "retained until two hours after the slot start");
        f.now = Instant.parse("2026-12-04T14:15:00Z");
        f.tick();
        assertNull(f.engine.order("s1"));
        assertNull(f.engine.book(OLD));
        assertEquals("10", f.energyAvailable("seller"));
        assertReplayDropsTheSame(f);
    }

    @Test
    void zeroRetentionDropsAtNextTick() {
        EngineFixture f = new EngineFixture(config.withClosedMarketRetention(Duration.ZERO));
        f.now = START;
        f.account("seller", null, "10");
        place(f, "s1", "seller", OLD, Side.SELL, "0.30", "1", null);

        f.now = Instant.parse("2026-12-04T12:15:00Z");
        f.tick();
        assertTrue(f.engine.book(OLD).isClosed(), "a market closed in a tick keeps its book until the next one");
        assertTrue(f.engine.needsTick(f.now));
        f.advance(Duration.ofMillis(300));
        f.tick();
        assertNull(f.engine.book(OLD));
        assertNull(f.engine.order("s1"));
        assertReplayDropsTheSame(f);
    }

    /**
     * Replays every input into a new engine. Then restores snapshots taken before and after the
     * drop and feeds them the remaining inputs. Each must end with the live engine's digest and
     * retained orders.
     */
    private void assertReplayDropsTheSame(EngineFixture live) {
        String expected = StateDigest.text(live.engine);
        EngineFixture replay = new EngineFixture(live.engine.config());
        feed(replay.engine, live.inputs, replay);
        assertEquals(expected, StateDigest.text(replay.engine), "journal replay");
        assertEquals(live.engine.orders.keySet(), replay.engine.orders.keySet());
        assertEquals(live.engine.clientOrders, replay.engine.clientOrders);
        assertEquals(live.events, replay.events, "a replay sends the same events");

        for (int split : new int[] {live.inputs.size() / 2, live.inputs.size() - 1}) {
            TradingEngine prefix = new TradingEngine(live.engine.config());
            feed(prefix, live.inputs.subList(0, split), EngineListener.DISCARD);
            byte[] json = Json.write(prefix.snapshot());
            TradingEngine restored = TradingEngine.restore(live.engine.config(), Json.read(json, EngineSnapshot.class));
            feed(restored, live.inputs.subList(split, live.inputs.size()), EngineListener.DISCARD);
            assertEquals(expected, StateDigest.text(restored), "snapshot after input " + split);
            assertEquals(live.engine.orders.keySet(), restored.orders.keySet(), "snapshot after input " + split);
            assertEquals(live.engine.clientOrders, restored.clientOrders, "snapshot after input " + split);
        }
    }

    private static void feed(TradingEngine engine, List<Object[]> inputs, EngineListener sink) {
        for (Object[] input : inputs) {
            Instant at = (Instant) input[1];
            if (input[0] == null) {
                engine.tick(at, sink);
            } else {
                engine.apply((TradingCommand) input[0], at, sink);
            }
        }
    }

    private static OrderEvent place(EngineFixture f, String orderId, String account, String market, Side side,
                                    String price, String quantity, String clientOrderId) {
        return f.send(new TradingCommand.PlaceOrder(f.nextCommandId(), account, f.now, orderId, clientOrderId, market,
                side, OrderType.LIMIT, new BigDecimal(price), new BigDecimal(quantity), null, null));
    }

    private static Map<String, String> balances(TradingEngine engine) {
        Map<String, String> balances = new java.util.TreeMap<>();
        for (Account account : engine.accounts()) {
            balances.put(account.id(), account.creditsAvailable() + "/" + account.creditsReserved() + "/"
                    + account.energyAvailable() + "/" + account.energyReserved() + "/" + account.openOrderIds());
        }
        return balances;
    }
}
