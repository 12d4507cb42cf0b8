package org.solarmarket.trading.matching;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.BookUpdate;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TimeInForce;
import org.solarmarket.contracts.TradingCommand;

/** Drives an engine with commands at a controlled time and records everything it produces. */
final class EngineFixture implements EngineListener {

    static final Instant START = Instant.parse("2026-12-04T12:00:00Z");
    static final String MARKET = "2026-12-04T15:00:00Z";

    final TradingEngine engine;
    final List<OrderEvent> events = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<BookUpdate> bookUpdates = new ArrayList<>();
    /** Every input given to the engine, for replays. */
    final List<Object[]> inputs = new ArrayList<>();
    Instant now = START;
    private long commandSequence;

    EngineFixture(MatchingMode mode, PricingRule pricing) {
        this(new EngineConfig(MarketCalendar.DEFAULT, new MarketRules(mode, pricing), Map.of(), LiquidityRules.DEFAULT));
    }

    EngineFixture(EngineConfig config) {
        this(new TradingEngine(config));
    }

    EngineFixture(TradingEngine engine) {
        this.engine = engine;
    }

    static EngineFixture continuous() {
        return new EngineFixture(MatchingMode.CONTINUOUS, PricingRule.PAY_AS_OFFER);
    }

    static EngineFixture periodic() {
        return new EngineFixture(MatchingMode.PERIODIC, PricingRule.PAY_AS_OFFER);
    }

    /** Applies a command and returns its outcome event. */
    OrderEvent send(TradingCommand command) {
        int before = events.size();
        inputs.add(new Object[] {command, now});
        engine.apply(command, now, this);
        List<OrderEvent> outcomes = events.subList(before, events.size()).stream()
                .filter(event -> command.commandId() != null && command.commandId().equals(event.commandId()))
                .toList();
        if (outcomes.size() != 1) {
            throw new AssertionError("expected one outcome for " + command + " but got " + outcomes);
        }
        return outcomes.getFirst();
    }

    void tick() {
        inputs.add(new Object[] {null, now});
        engine.tick(now, this);
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    String nextCommandId() {
        return "c-" + (++commandSequence);
    }

    void account(String id, String credits, String energyKwh) {
        send(new TradingCommand.OpenAccount(nextCommandId(), id, now));
        if (credits != null) {
            send(new TradingCommand.Credit(nextCommandId(), id, now, Asset.CREDITS, new BigDecimal(credits), "test"));
        }
        if (energyKwh != null) {
            send(new TradingCommand.Credit(nextCommandId(), id, now, Asset.ENERGY_KWH, new BigDecimal(energyKwh),
                    "test"));
        }
    }

    OrderEvent limit(String orderId, String account, Side side, String price, String quantity) {
        return limit(orderId, account, side, price, quantity, TimeInForce.GTC);
    }

    OrderEvent limit(String orderId, String account, Side side, String price, String quantity, TimeInForce tif) {
        return send(new TradingCommand.PlaceOrder(nextCommandId(), account, now, orderId, null, MARKET, side,
                OrderType.LIMIT, new BigDecimal(price), new BigDecimal(quantity), tif, null));
    }

    OrderEvent market(String orderId, String account, Side side, String quantity, String maxCredits) {
        return send(new TradingCommand.PlaceOrder(nextCommandId(), account, now, orderId, null, MARKET, side,
                OrderType.MARKET, null, new BigDecimal(quantity), null,
                maxCredits == null ? null : new BigDecimal(maxCredits)));
    }

    OrderEvent cancel(String orderId, String account) {
        return send(new TradingCommand.CancelOrder(nextCommandId(), account, now, orderId, MARKET));
    }

    /** Fills as "buyOrder/sellOrder qty@price", in trade order. */
    List<String> tradeLines() {
        return fills.stream().map(EngineFixture::line).toList();
    }

    static String line(Fill fill) {
        return fill.buyOrderId() + "/" + fill.sellOrderId() + " " + fill.quantity().toPlainString() + "@"
                + fill.price().toPlainString();
    }

    static BigDecimal kwh(String text) {
        return new BigDecimal(text).setScale(3);
    }

    /** Balances as plain decimal text without trailing zeros, e.g. "960.3". */
    String creditsAvailable(String account) {
        return plain(BigDecimal.valueOf(engine.account(account).creditsAvailable(), 5));
    }

    String creditsReserved(String account) {
        return plain(BigDecimal.valueOf(engine.account(account).creditsReserved(), 5));
    }

    String energyAvailable(String account) {
        return plain(BigDecimal.valueOf(engine.account(account).energyAvailable(), 3));
    }

    String energyReserved(String account) {
        return plain(BigDecimal.valueOf(engine.account(account).energyReserved(), 3));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    @Override
    public void onEvent(OrderEvent event) {
        events.add(event);
    }

    @Override
    public void onFill(Fill fill) {
        fills.add(fill);
    }

    @Override
    public void onBookUpdate(BookUpdate update) {
        bookUpdates.add(update);
    }
}
