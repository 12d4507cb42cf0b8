package org.solarmarket.trading.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.solarmarket.contracts.Side.BUY;
import static org.solarmarket.contracts.Side.SELL;

import java.math.BigDecimal;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TimeInForce;
import org.solarmarket.contracts.TradingCommand;

/** Every rejection reason, each with its code, a message that names the value, and no state change. */
class RejectionTest {

    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = EngineFixture.continuous();
        f.account("alice", "10", "5");
        f.account("bob", "10", "5");
    }

    private TradingCommand.PlaceOrder order(String account, Side side, String price, String quantity) {
        return new TradingCommand.PlaceOrder(f.nextCommandId(), account, f.now, "o-" + f.nextCommandId(), null,
                EngineFixture.MARKET, side, OrderType.LIMIT, price == null ? null : new BigDecimal(price),
                quantity == null ? null : new BigDecimal(quantity), TimeInForce.GTC, null);
    }

    private OrderEvent assertRejected(TradingCommand command, String code, String messagePart) {
        String before = state();
        OrderEvent outcome = f.send(command);
        assertEquals(OrderEvent.Status.REJECTED, outcome.status(), outcome.toString());
        assertEquals(code, outcome.reasonCode());
        assertTrue(outcome.message().contains(messagePart), outcome.message());
        assertEquals(before, state(), "a rejected command must not change state");
        return outcome;
    }

    private String state() {
        StringBuilder text = new StringBuilder();
        for (String id : new String[] {"alice", "bob"}) {
            var account = f.engine.account(id);
            text.append(id).append(account.creditsAvailable()).append('/').append(account.creditsReserved())
                    .append('/').append(account.energyAvailable()).append('/').append(account.energyReserved())
                    .append(account.openOrderIds()).append(';');
        }
        text.append(f.engine.openOrderCount()).append(f.fills.size());
        return text.toString();
    }

    @Test
    void insufficientBalance() {
        assertRejected(order("alice", BUY, "2.00", "6"), "insufficient_balance", "needs 12.00000 credits");
        assertRejected(order("alice", SELL, "0.10", "5.001"), "insufficient_balance", "needs 5.001 energy_kwh");
        assertRejected(new TradingCommand.Withdraw(f.nextCommandId(), "alice", f.now, Asset.CREDITS,
                new BigDecimal("10.01"), "x"), "insufficient_balance", "has 10.00000 available");
    }

    @Test
    void unknownAccount() {
        assertRejected(order("mallory", BUY, "0.10", "1"), "unknown_account", "mallory");
        assertRejected(new TradingCommand.Credit(f.nextCommandId(), "mallory", f.now, Asset.CREDITS, BigDecimal.ONE,
                "x"), "unknown_account", "mallory");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "price, 0, zero_amount",
        "price, 0.00, zero_amount",
        "price, -0.10, negative_amount",
        "price, 0.105, off_tick",
        "price, 10000.01, amount_too_large",
        "price, 1E+9, amount_too_large",
        "quantity, 0, zero_amount",
        "quantity, -1, negative_amount",
        "quantity, 0.0005, off_tick",
        "quantity, 1000000.001, amount_too_large",
        "quantity, 99999999999999999999, amount_too_large",
    })
    void badAmounts(String field, String value, String code) {
        TradingCommand.PlaceOrder command = field.equals("price")
                ? order("alice", BUY, value, "1")
                : order("alice", SELL, "0.10", value);
        assertRejected(command, code, field + " " + new BigDecimal(value).toPlainString());
    }

    @Test
    void badTransferAmounts() {
        Function<String, TradingCommand> credit = amount -> new TradingCommand.Credit(f.nextCommandId(), "alice", f.now,
                Asset.CREDITS, new BigDecimal(amount), "x");
        assertRejected(credit.apply("0.001"), "off_tick", "tick 0.01");
        assertRejected(credit.apply("-5"), "negative_amount", "amount -5");
        assertRejected(new TradingCommand.Credit(f.nextCommandId(), "alice", f.now, Asset.ENERGY_KWH,
                new BigDecimal("0.0001"), "x"), "off_tick", "tick 0.001");
        assertRejected(new TradingCommand.Credit(f.nextCommandId(), "alice", f.now, null, BigDecimal.ONE, "x"),
                "missing_field", "asset");
    }

    @Test
    void balanceLimit() {
        for (int i = 0; i < 1000; i++) {
            f.send(new TradingCommand.Credit(f.nextCommandId(), "bob", f.now, Asset.CREDITS,
                    new BigDecimal("1000000000"), "x"));
        }
        assertRejected(new TradingCommand.Credit(f.nextCommandId(), "bob", f.now, Asset.CREDITS,
                new BigDecimal("1000000000"), "x"), "balance_limit", "largest balance");
    }

    @Test
    void closedAndInvalidMarkets() {
        TradingCommand.PlaceOrder past = new TradingCommand.PlaceOrder(f.nextCommandId(), "alice", f.now, "o-past",
                null, "2026-12-04T11:45:00Z", SELL, OrderType.LIMIT, BigDecimal.ONE, BigDecimal.ONE, null, null);
        assertRejected(past, "market_closed", "2026-12-04T11:45:00Z");
        TradingCommand.PlaceOrder farAhead = new TradingCommand.PlaceOrder(f.nextCommandId(), "alice", f.now, "o-far",
                null, "2026-12-06T12:00:00Z", SELL, OrderType.LIMIT, BigDecimal.ONE, BigDecimal.ONE, null, null);
        assertRejected(farAhead, "market_closed", "2026-12-06T12:00:00Z");
        TradingCommand.PlaceOrder offSlot = new TradingCommand.PlaceOrder(f.nextCommandId(), "alice", f.now, "o-off",
                null, "2026-12-04T15:07:00Z", SELL, OrderType.LIMIT, BigDecimal.ONE, BigDecimal.ONE, null, null);
        assertRejected(offSlot, "invalid_market", "2026-12-04T15:07:00Z");
    }

    @Test
    void duplicateClientOrderIdWithDifferentBody() {
        f.send(new TradingCommand.PlaceOrder(f.nextCommandId(), "alice", f.now, "o-1", "client-1",
                EngineFixture.MARKET, SELL, OrderType.LIMIT, new BigDecimal("0.30"), BigDecimal.ONE, null, null));
        assertRejected(new TradingCommand.PlaceOrder(f.nextCommandId(), "alice", f.now, "o-2", "client-1",
                EngineFixture.MARKET, SELL, OrderType.LIMIT, new BigDecimal("0.31"), BigDecimal.ONE, null, null),
                "duplicate_client_order_id", "client-1");
        assertRejected(new TradingCommand.PlaceOrder(f.nextCommandId(), "bob", f.now, "o-1", null,
                EngineFixture.MARKET, SELL, OrderType.LIMIT, new BigDecimal("0.31"), BigDecimal.ONE, null, null),
                "duplicate_order_id", "o-1");
    }

    @Test
    void cancelOfAnotherAccountsOrder() {
        f.send(new TradingCommand.PlaceOrder(f.nextCommandId(), "alice", f.now, "o-a", null, EngineFixture.MARKET,
                SELL, OrderType.LIMIT, new BigDecimal("0.30"), BigDecimal.ONE, null, null));
        assertRejected(new TradingCommand.CancelOrder(f.nextCommandId(), "bob", f.now, "o-a", EngineFixture.MARKET),
                "not_order_owner", "o-a");
        assertRejected(new TradingCommand.CancelOrder(f.nextCommandId(), "bob", f.now, "o-none",
                EngineFixture.MARKET), "unknown_order", "o-none");
        f.cancel("o-a", "alice");
        assertRejected(new TradingCommand.CancelOrder(f.nextCommandId(), "alice", f.now, "o-a", EngineFixture.MARKET),
                "order_not_open", "cancelled");
    }

    @Test
    void malformedCommands() {
        assertRejected(new TradingCommand.OpenAccount(f.nextCommandId(), "bad id!", f.now), "invalid_account_id",
                "bad id!");
        assertRejected(new TradingCommand.OpenAccount(f.nextCommandId(), "alice", f.now), "account_exists", "alice");
        assertRejected(order("alice", null, "0.10", "1"), "missing_field", "side");
        assertRejected(order("alice", SELL, "0.10", null), "missing_field", "quantity");
        assertRejected(new TradingCommand.PlaceOrder(f.nextCommandId(), "alice", f.now, "o-m", null,
                EngineFixture.MARKET, SELL, OrderType.MARKET, new BigDecimal("0.10"), BigDecimal.ONE, null, null),
                "price_not_allowed", "0.10");
        String before = state();
        OrderEvent noId = f.engine == null ? null : applyWithoutId();
        assertEquals("malformed_command", noId.reasonCode());
        assertEquals(before, state());
    }

    private OrderEvent applyWithoutId() {
        int before = f.events.size();
        f.engine.apply(new TradingCommand.OpenAccount(null, "zed", f.now), f.now, f);
        assertEquals(before + 1, f.events.size());
        return f.events.getLast();
    }
}
