package org.solarmarket.trading.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TimeInForce;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.trading.account.Account;
import org.solarmarket.trading.book.Order;
import org.solarmarket.trading.book.OrderBook;

/**
 * Invariants over random command sequences, seeded so that a failure names its seed. Books never
 * cross, balances are conserved and no fill exceeds what an order had left. Reservations match
 * the open orders, and replaying the inputs (whole or from a snapshot) rebuilds the same state.
 */
class EnginePropertiesTest {

    private static final int RUNS_PER_RULE = 20;
    private static final int STEPS = 400;
    private static final String[] ACCOUNTS = {"a1", "a2", "a3", "a4", "a5"};
    private static final String[] MARKETS = {"2026-12-04T12:15:00Z", "2026-12-04T12:30:00Z", "2026-12-04T13:00:00Z"};

    static Stream<Arguments> rules() {
        List<Arguments> all = new ArrayList<>();
        for (MatchingMode mode : MatchingMode.values()) {
            for (PricingRule pricing : PricingRule.values()) {
                all.add(Arguments.of(mode, pricing));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rules")
    void invariantsHoldOverRandomSequences(MatchingMode mode, PricingRule pricing) {
        int fills = 0;
        int expiries = 0;
        for (int run = 0; run < RUNS_PER_RULE; run++) {
            long seed = 31L * run + mode.ordinal() * 7L + pricing.ordinal();
            EngineFixture fixture = runSequence(new MarketRules(mode, pricing), seed);
            fills += fixture.fills.size();
            expiries += (int) fixture.events.stream().filter(e -> e.status() == OrderEvent.Status.EXPIRED).count();
        }
        // The generator must reach the interesting paths, or the invariants prove little.
        assertTrue(fills > RUNS_PER_RULE * 20, "only " + fills + " fills");
        assertTrue(expiries > RUNS_PER_RULE / 2, "only " + expiries + " expiries");
    }

    private EngineFixture runSequence(MarketRules rules, long seed) {
        Random random = new Random(seed);
        EngineConfig config = new EngineConfig(MarketCalendar.DEFAULT, rules, Map.of(), LiquidityRules.DEFAULT);
        EngineFixture fixture = new EngineFixture(config);
        Ledger ledger = new Ledger();
        List<String> orderIds = new ArrayList<>();
        fixture.now = Instant.parse("2026-12-04T12:00:00Z");
        for (String account : ACCOUNTS) {
            ledger.track(fixture.send(new TradingCommand.OpenAccount(fixture.nextCommandId(), account, fixture.now)),
                    null, null);
        }
        int fillsChecked = 0;
        for (int step = 0; step < STEPS; step++) {
            TradingCommand command = randomCommand(random, fixture, orderIds);
            if (command == null) {
                fixture.advance(Duration.ofMillis(random.nextInt(400) + (random.nextInt(40) == 0 ? 600_000 : 0)));
                fixture.tick();
            } else {
                OrderEvent outcome = fixture.send(command);
                ledger.track(outcome, command, orderIds);
            }
            String context = "seed " + seed + " step " + step;
            fillsChecked = checkFills(fixture, fillsChecked, context);
            checkInvariants(fixture, ledger, context);
        }
        checkReplay(fixture, config, seed);
        return fixture;
    }

    private static TradingCommand randomCommand(Random random, EngineFixture f, List<String> orderIds) {
        String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
        int kind = random.nextInt(100);
        String id = f.nextCommandId();
        if (kind < 8) {
            return null;
        }
        if (kind < 16) {
            Asset asset = random.nextBoolean() ? Asset.CREDITS : Asset.ENERGY_KWH;
            return new TradingCommand.Credit(id, account, f.now, asset, BigDecimal.valueOf(random.nextInt(5000) + 1, 1),
                    "random");
        }
        if (kind < 20) {
            Asset asset = random.nextBoolean() ? Asset.CREDITS : Asset.ENERGY_KWH;
            return new TradingCommand.Withdraw(id, account, f.now, asset, BigDecimal.valueOf(random.nextInt(300) + 1, 1),
                    "random");
        }
        if (kind < 32 && !orderIds.isEmpty()) {
            String orderId = orderIds.get(random.nextInt(orderIds.size()));
            Order order = f.engine.order(orderId);
            String owner = random.nextInt(5) == 0 ? account : order.accountId();
            return new TradingCommand.CancelOrder(id, owner, f.now, orderId, order.market());
        }
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        String market = MARKETS[random.nextInt(MARKETS.length)];
        BigDecimal quantity = BigDecimal.valueOf(random.nextInt(5000) + 1, 3);
        if (kind < 38) {
            BigDecimal bound = side == Side.BUY && random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(500) + 1, 2)
                    : null;
            TimeInForce tif = random.nextInt(4) == 0 ? TimeInForce.FOK : null;
            return new TradingCommand.PlaceOrder(id, account, f.now, "o" + id, null, market, side, OrderType.MARKET,
                    null, quantity, tif, bound);
        }
        TimeInForce tif = switch (random.nextInt(8)) {
            case 0 -> TimeInForce.IOC;
            case 1 -> TimeInForce.FOK;
            default -> TimeInForce.GTC;
        };
        BigDecimal price = BigDecimal.valueOf(random.nextInt(20) + 20, 2);
        String clientOrderId = random.nextInt(10) == 0 ? "client-" + random.nextInt(5) : null;
        return new TradingCommand.PlaceOrder(id, account, f.now, "o" + id, clientOrderId, market, side, OrderType.LIMIT,
                price, quantity, tif, null);
    }

    private static int checkFills(EngineFixture fixture, int from, String context) {
        for (Fill fill : fixture.fills.subList(from, fixture.fills.size())) {
            Order buy = fixture.engine.order(fill.buyOrderId());
            Order sell = fixture.engine.order(fill.sellOrderId());
            assertTrue(fill.quantity().signum() > 0, context);
            if (buy.type() == OrderType.LIMIT) {
                assertTrue(fill.price().compareTo(BigDecimal.valueOf(buy.price(), 2)) <= 0, context + " buy limit");
            }
            if (sell.type() == OrderType.LIMIT) {
                assertTrue(fill.price().compareTo(BigDecimal.valueOf(sell.price(), 2)) >= 0, context + " sell limit");
            }
            assertFalse(fill.buyerId().equals(fill.sellerId()), context + " self trade");
        }
        Map<String, Long> filledByOrder = new HashMap<>();
        for (Fill fill : fixture.fills) {
            long wh = fill.quantity().movePointRight(3).longValueExact();
            filledByOrder.merge(fill.buyOrderId(), wh, Long::sum);
            filledByOrder.merge(fill.sellOrderId(), wh, Long::sum);
        }
        for (Map.Entry<String, Long> entry : filledByOrder.entrySet()) {
            Order order = fixture.engine.order(entry.getKey());
            assertEquals(order.filled(), entry.getValue(), context + " fills of " + entry.getKey());
            assertTrue(entry.getValue() <= order.quantity(), context + " overfilled " + entry.getKey());
        }
        return fixture.fills.size();
    }

    private static void checkInvariants(EngineFixture fixture, Ledger ledger, String context) {
        long credits = 0;
        long energy = 0;
        Map<String, long[]> reservedByAccount = new HashMap<>();
        for (OrderBook book : fixture.engine.books()) {
            assertFalse(book.isCrossed(), context + " crossed book " + book.market());
            if (book.isClosed()) {
                assertEquals(0, book.restingOrders(), context);
            }
        }
        for (Account account : fixture.engine.accounts()) {
            assertTrue(account.creditsAvailable() >= 0, context);
            assertTrue(account.creditsReserved() >= 0, context);
            assertTrue(account.energyAvailable() >= 0, context);
            assertTrue(account.energyReserved() >= 0, context);
            credits += account.creditsAvailable() + account.creditsReserved();
            energy += account.energyAvailable() + account.energyReserved();
            long[] reserved = reservedByAccount.computeIfAbsent(account.id(), id -> new long[2]);
            for (String orderId : account.openOrderIds()) {
                Order order = fixture.engine.order(orderId);
                assertTrue(order.isOpen(), context + " closed order listed as open " + orderId);
                reserved[order.isBuy() ? 0 : 1] += order.reserved();
            }
        }
        assertEquals(ledger.credits, credits, context + " credits conserved");
        assertEquals(ledger.energy, energy, context + " energy conserved");
        for (Account account : fixture.engine.accounts()) {
            long[] reserved = reservedByAccount.get(account.id());
            assertEquals(account.creditsReserved(), reserved[0], context + " credit reservation of " + account.id());
            assertEquals(account.energyReserved(), reserved[1], context + " energy reservation of " + account.id());
        }
        for (String orderId : ledger.placed) {
            Order order = fixture.engine.order(orderId);
            assertEquals(order.quantity(), order.filled() + order.cancelled() + order.remaining(), context + orderId);
            if (!order.isOpen()) {
                assertEquals(0, order.reserved(), context + " closed order keeps a reservation " + orderId);
            }
        }
    }

    private static void checkReplay(EngineFixture original, EngineConfig config, long seed) {
        EngineFixture replay = new EngineFixture(config);
        for (Object[] input : original.inputs) {
            Instant at = (Instant) input[1];
            if (input[0] == null) {
                replay.engine.tick(at, replay);
            } else {
                replay.engine.apply((TradingCommand) input[0], at, replay);
            }
        }
        assertEquals(StateDigest.text(original.engine), StateDigest.text(replay.engine), "seed " + seed);
        assertEquals(original.events, replay.events, "seed " + seed);
        assertEquals(original.fills, replay.fills, "seed " + seed);
        checkSnapshotRestore(original, config, seed);
    }

    /** Snapshots a replay midway, restores it from JSON and feeds it the rest of the inputs. */
    private static void checkSnapshotRestore(EngineFixture original, EngineConfig config, long seed) {
        int split = new Random(seed).nextInt(original.inputs.size());
        EngineFixture prefix = new EngineFixture(config);
        feed(prefix, original.inputs.subList(0, split));
        byte[] json = Json.write(prefix.engine.snapshot());
        EngineFixture restored = new EngineFixture(TradingEngine.restore(config, Json.read(json, EngineSnapshot.class)));
        feed(restored, original.inputs.subList(split, original.inputs.size()));

        String context = "seed " + seed + " snapshot after input " + split;
        assertEquals(StateDigest.text(original.engine), StateDigest.text(restored.engine), context);
        assertEquals(original.events.subList(prefix.events.size(), original.events.size()), restored.events, context);
        assertEquals(original.fills.subList(prefix.fills.size(), original.fills.size()), restored.fills, context);
    }

    private static void feed(EngineFixture target, List<Object[]> inputs) {
        for (Object[] input : inputs) {
            Instant at = (Instant) input[1];
            if (input[0] == null) {
                target.engine.tick(at, target);
            } else {
                target.engine.apply((TradingCommand) input[0], at, target);
            }
        }
    }

    /** Sums of what entered and left the system through credits and withdrawals. */
    private static final class Ledger {
        long credits;
        long energy;
        final List<String> placed = new ArrayList<>();

        void track(OrderEvent outcome, TradingCommand command, List<String> orderIds) {
            if (outcome.status() == OrderEvent.Status.CREDITED && command instanceof TradingCommand.Credit credit) {
                add(credit.asset(), credit.amount(), 1);
            } else if (outcome.status() == OrderEvent.Status.WITHDRAWN
                    && command instanceof TradingCommand.Withdraw withdraw) {
                add(withdraw.asset(), withdraw.amount(), -1);
            } else if (command instanceof TradingCommand.PlaceOrder place
                    && outcome.status() != OrderEvent.Status.REJECTED && outcome.orderId().equals(place.orderId())) {
                placed.add(place.orderId());
                orderIds.add(place.orderId());
            } else if (command instanceof TradingCommand.PlaceOrder place
                    && "no_liquidity".equals(outcome.reasonCode())) {
                placed.add(place.orderId());
            }
        }

        private void add(Asset asset, BigDecimal amount, int sign) {
            if (asset == Asset.CREDITS) {
                credits += sign * amount.movePointRight(5).longValueExact();
            } else {
                energy += sign * amount.movePointRight(3).longValueExact();
            }
        }
    }
}
