package org.solarmarket.trading.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.BookUpdate;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TimeInForce;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.trading.account.Account;
import org.solarmarket.trading.book.Order;
import org.solarmarket.trading.book.OrderBook;
import org.solarmarket.trading.book.PriceLevel;
import org.solarmarket.trading.money.AmountRule;
import org.solarmarket.trading.money.Amounts;

/**
 * The exchange as a deterministic state machine: accounts, one order book per market, matching
 * and settlement. Its only inputs are {@link #apply commands} and {@link #tick ticks}, each with
 * the instant the engine assigns to it; ids of events and trades come from counters. The same
 * inputs therefore give the same books, balances and outputs, which is what lets a journal replay
 * rebuild the state. Not thread-safe: one thread drives it, readers must hold the caller's lock.
 */
public final class TradingEngine {

    /** Levels per side in a book update and in {@code GET /book}. */
    public static final int BOOK_DEPTH = 20;

    private static final int MAX_ID_LENGTH = 64;

    private final EngineConfig config;
    final Map<String, Account> accounts = new HashMap<>();
    final NavigableMap<String, OrderBook> books = new TreeMap<>();
    /** Books whose slot has not closed yet; ticks only visit these. */
    final NavigableMap<String, OrderBook> openBooks = new TreeMap<>();
    /** Closed books by slot start, oldest first; a tick drops those older than the retention. */
    final NavigableMap<Instant, OrderBook> closedBooks = new TreeMap<>();
    /** Orders of the books in {@link #books}; dropped together with their book. */
    final Map<String, Order> orders = new HashMap<>();
    final Map<String, ClientOrder> clientOrders = new HashMap<>();
    private final TreeSet<String> changedBooks = new TreeSet<>();
    private final Matcher matcher = new Matcher();

    long eventSequence;
    long tradeSequence;
    long orderSequence;
    long inputSequence;
    /**
     * Epoch milliseconds of the first input, part of every trade and event id: ids restart at 1
     * with a new journal, and the prefix keeps them apart from the ids of an older journal.
     */
    long origin;
    long tradeCount;
    long tradedVolume;

    Instant now = Instant.EPOCH;
    private EngineListener out = EngineListener.DISCARD;
    /** The order placed by the command being applied; its fills are summed up in the outcome event. */
    private Order taker;

    public TradingEngine(EngineConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    public EngineConfig config() {
        return config;
    }

    /** Applies one command; it gets exactly one outcome event, whose command id is the command's. */
    public void apply(TradingCommand command, Instant at, EngineListener listener) {
        begin(at, listener);
        try {
            if (command.commandId() == null || command.commandId().isBlank()) {
                throw new Rejection(RejectReason.MALFORMED_COMMAND, "command_id is required");
            }
            switch (command) {
                case TradingCommand.OpenAccount open -> openAccount(open);
                case TradingCommand.Credit credit -> credit(credit);
                case TradingCommand.Withdraw withdraw -> withdraw(withdraw);
                case TradingCommand.PlaceOrder place -> place(place);
                case TradingCommand.CancelOrder cancel -> cancel(cancel);
            }
        } catch (Rejection rejection) {
            out.onEvent(rejected(command, rejection));
        } finally {
            taker = null;
        }
    }

    /**
     * Drops the closed markets older than the retention, runs the periodic matching cycles of
     * markets with waiting orders, then closes the markets whose slot has started (each gets a
     * last cycle first) and expires what rests there.
     */
    public void tick(Instant at, EngineListener listener) {
        begin(at, listener);
        dropRetiredMarkets();
        for (OrderBook book : List.copyOf(openBooks.values())) {
            if (!book.pending().isEmpty()) {
                runCycle(book);
            }
            if (!book.slotStart().isAfter(at)) {
                expire(book);
            }
        }
    }

    /** Returns whether {@link #tick} at {@code at} would change anything. */
    public boolean needsTick(Instant at) {
        for (OrderBook book : openBooks.values()) {
            if (!book.pending().isEmpty() || !book.slotStart().isAfter(at)) {
                return true;
            }
        }
        return !closedBooks.isEmpty() && isPastRetention(closedBooks.firstKey(), at);
    }

    /** Sends one update per book changed since the last call, in market order. */
    public void publishBookUpdates(Instant at, EngineListener listener) {
        for (String market : changedBooks) {
            listener.onBookUpdate(bookUpdate(books.get(market), at));
        }
        changedBooks.clear();
    }

    /** Forgets which books changed, for example after a replay whose outputs were discarded. */
    public void clearBookChanges() {
        changedBooks.clear();
    }

    private void begin(Instant at, EngineListener listener) {
        if (at.isBefore(now)) {
            // Inputs keep their journal order; a clock step backwards must not reopen closed slots.
            at = now;
        }
        now = at;
        out = listener;
        if (inputSequence == 0) {
            origin = at.toEpochMilli();
        }
        inputSequence++;
    }

    // ---- account commands ----

    private void openAccount(TradingCommand.OpenAccount open) {
        String accountId = validAccountId(open.accountId());
        if (accounts.containsKey(accountId)) {
            throw new Rejection(RejectReason.ACCOUNT_EXISTS, "account " + accountId + " is already open");
        }
        accounts.put(accountId, new Account(accountId));
        out.onEvent(accountEvent(open, OrderEvent.Status.ACCOUNT_OPENED, "account " + accountId + " opened"));
    }

    private void credit(TradingCommand.Credit credit) {
        Account account = knownAccount(credit.accountId());
        Asset asset = required(credit.asset(), "asset");
        long amount = units(asset, credit.amount());
        long balance = asset == Asset.ENERGY_KWH
                ? account.energyAvailable() + account.energyReserved()
                : account.creditsAvailable() + account.creditsReserved();
        long units = asset == Asset.ENERGY_KWH ? amount : Amounts.creditUnitsOfCents(amount);
        long limit = asset == Asset.ENERGY_KWH ? Amounts.MAX_ENERGY_BALANCE : Amounts.MAX_CREDIT_BALANCE;
        if (units > limit - balance) {
            throw new Rejection(RejectReason.BALANCE_LIMIT, "amount " + credit.amount().toPlainString() + " "
                    + asset.wireName() + " would exceed the largest balance of "
                    + Amounts.MAX_BALANCE.toPlainString() + " in account " + account.id());
        }
        if (asset == Asset.ENERGY_KWH) {
            account.depositEnergy(units);
        } else {
            account.depositCredits(units);
        }
        out.onEvent(accountEvent(credit, OrderEvent.Status.CREDITED,
                "credited " + credit.amount().toPlainString() + " " + asset.wireName()));
    }

    private void withdraw(TradingCommand.Withdraw withdraw) {
        Account account = knownAccount(withdraw.accountId());
        Asset asset = required(withdraw.asset(), "asset");
        long amount = units(asset, withdraw.amount());
        if (asset == Asset.ENERGY_KWH) {
            requireAvailable(account.energyAvailable(), amount, asset, account);
            account.withdrawEnergy(amount);
        } else {
            long creditUnits = Amounts.creditUnitsOfCents(amount);
            requireAvailable(account.creditsAvailable(), creditUnits, asset, account);
            account.withdrawCredits(creditUnits);
        }
        out.onEvent(accountEvent(withdraw, OrderEvent.Status.WITHDRAWN,
                "withdrew " + withdraw.amount().toPlainString() + " " + asset.wireName()));
    }

    private static long units(Asset asset, BigDecimal amount) {
        AmountRule rule = asset == Asset.ENERGY_KWH ? AmountRule.ENERGY_TRANSFER : AmountRule.CREDIT_TRANSFER;
        try {
            return rule.toUnits(amount);
        } catch (AmountRule.AmountException e) {
            throw new Rejection(e.reason(), e.getMessage());
        }
    }

    private static void requireAvailable(long available, long needed, Asset asset, Account account) {
        if (needed > available) {
            BigDecimal have = asset == Asset.ENERGY_KWH ? Amounts.energy(available) : Amounts.credits(available);
            BigDecimal want = asset == Asset.ENERGY_KWH ? Amounts.energy(needed) : Amounts.credits(needed);
            throw new Rejection(RejectReason.INSUFFICIENT_BALANCE, "account " + account.id() + " needs "
                    + want.toPlainString() + " " + asset.wireName() + " but has " + have.toPlainString()
                    + " available");
        }
    }

    // ---- orders ----

    private void place(TradingCommand.PlaceOrder place) {
        OrderRequest request = validate(place);
        ClientOrder previous = request.clientOrderKey() == null ? null : clientOrders.get(request.clientOrderKey());
        if (previous != null) {
            answerRetry(place, request, previous);
            return;
        }
        if (orders.containsKey(request.orderId())) {
            throw new Rejection(RejectReason.DUPLICATE_ORDER_ID, "order_id " + request.orderId() + " is already taken");
        }
        Account account = accounts.get(request.accountId());
        long reservation = reservationOf(request, account);
        Asset asset = request.side() == Side.SELL ? Asset.ENERGY_KWH : Asset.CREDITS;
        requireAvailable(asset == Asset.ENERGY_KWH ? account.energyAvailable() : account.creditsAvailable(),
                reservation, asset, account);

        OrderBook book = books.get(request.market());
        if (book == null) {
            book = new OrderBook(request.market(), request.slotStart());
            books.put(book.market(), book);
            openBooks.put(book.market(), book);
        }
        Order order = new Order(request.orderId(), account.id(), place.clientOrderId(), request.market(),
                request.side(), request.type(), request.timeInForce(), request.price(), request.quantity(),
                ++orderSequence, now);
        if (asset == Asset.ENERGY_KWH) {
            account.reserveEnergy(reservation);
        } else {
            account.reserveCredits(reservation);
        }
        order.addReserved(reservation);
        orders.put(order.orderId(), order);
        book.recordPlaced(order);
        account.openOrderIds().add(order.orderId());
        if (request.clientOrderKey() != null) {
            clientOrders.put(request.clientOrderKey(), new ClientOrder(order.orderId(), request.fingerprint()));
        }
        taker = order;

        MarketRules rules = config.rulesFor(book.market());
        boolean immediate = order.type() == OrderType.MARKET || order.timeInForce() != TimeInForce.GTC;
        if (!immediate && rules.mode() == MatchingMode.PERIODIC) {
            book.pending().addLast(order);
            out.onEvent(orderEvent(place.commandId(), order, null, "accepted; waits for the next matching cycle"));
            return;
        }
        Matcher.Outcome outcome = matcher.matchIncoming(this, book, order, rules.pricing());
        String message = finishIncoming(book, order, outcome);
        if (order.status() == OrderEvent.Status.REJECTED) {
            out.onEvent(orderEvent(place.commandId(), order, RejectReason.NO_LIQUIDITY, message));
        } else {
            out.onEvent(orderEvent(place.commandId(), order, null, message));
        }
    }

    /** Rests, cancels or rejects what the incoming order left and returns the outcome's message. */
    private String finishIncoming(OrderBook book, Order order, Matcher.Outcome outcome) {
        if (order.remaining() == 0) {
            return "filled completely";
        }
        if (outcome == Matcher.Outcome.SELF_TRADE) {
            closeOrder(order, OrderEvent.Status.CANCELLED);
            return "self-trade prevention: the order would trade with a resting order of the same account;"
                    + " the rest of the newer order is cancelled";
        }
        if (outcome == Matcher.Outcome.KILLED) {
            long available = order.remaining();
            closeOrder(order, OrderEvent.Status.CANCELLED);
            return "fill-or-kill: the book cannot fill " + Amounts.energy(available).toPlainString()
                    + " kWh at once; nothing traded";
        }
        if (order.type() == OrderType.MARKET) {
            if (order.filled() == 0) {
                closeOrder(order, OrderEvent.Status.REJECTED);
                return "no liquidity: the market order found no order to trade against";
            }
            long rest = order.remaining();
            closeOrder(order, OrderEvent.Status.CANCELLED);
            return "market order filled " + Amounts.energy(order.filled()).toPlainString() + " kWh; the rest of "
                    + Amounts.energy(rest).toPlainString() + " kWh is cancelled";
        }
        if (order.timeInForce() == TimeInForce.IOC) {
            long rest = order.remaining();
            closeOrder(order, OrderEvent.Status.CANCELLED);
            return "immediate-or-cancel: filled " + Amounts.energy(order.filled()).toPlainString()
                    + " kWh, cancelled " + Amounts.energy(rest).toPlainString() + " kWh";
        }
        book.add(order);
        changedBooks.add(book.market());
        return order.filled() == 0 ? "accepted; rests in the book" : "partially filled; the rest rests in the book";
    }

    private void answerRetry(TradingCommand.PlaceOrder place, OrderRequest request, ClientOrder previous) {
        if (!previous.fingerprint().equals(request.fingerprint())) {
            throw new Rejection(RejectReason.DUPLICATE_CLIENT_ORDER_ID, "client_order_id " + place.clientOrderId()
                    + " was already used by order " + previous.orderId() + " with a different order body");
        }
        Order original = orders.get(previous.orderId());
        out.onEvent(orderEvent(place.commandId(), original, null, "client_order_id " + place.clientOrderId()
                + " repeats order " + original.orderId() + "; no new order was placed"));
    }

    private long reservationOf(OrderRequest request, Account account) {
        if (request.side() == Side.SELL) {
            return request.quantity();
        }
        if (request.type() == OrderType.MARKET) {
            if (request.maxCredits() > 0) {
                return request.maxCredits();
            }
            if (account.creditsAvailable() == 0) {
                throw new Rejection(RejectReason.INSUFFICIENT_BALANCE, "account " + account.id()
                        + " has no credits available for a market buy");
            }
            return account.creditsAvailable();
        }
        return Amounts.value(request.price(), request.quantity());
    }

    private void cancel(TradingCommand.CancelOrder cancel) {
        Account account = knownAccount(cancel.accountId());
        String orderId = required(cancel.orderId(), "order_id");
        Order order = orders.get(orderId);
        if (order == null) {
            throw new Rejection(RejectReason.UNKNOWN_ORDER, "order " + orderId + " does not exist"
                    + removalNote(cancel.market()));
        }
        if (!order.accountId().equals(account.id())) {
            throw new Rejection(RejectReason.NOT_ORDER_OWNER, "order " + orderId + " belongs to another account");
        }
        if (!order.isOpen()) {
            throw new Rejection(RejectReason.ORDER_NOT_OPEN, "order " + orderId + " is already "
                    + order.status().wireName());
        }
        OrderBook book = books.get(order.market());
        long rest = order.remaining();
        removeFromBook(book, order);
        closeOrder(order, OrderEvent.Status.CANCELLED);
        out.onEvent(orderEvent(cancel.commandId(), order, null,
                "cancelled " + Amounts.energy(rest).toPlainString() + " kWh"));
    }

    private void removeFromBook(OrderBook book, Order order) {
        if (order.isResting()) {
            book.remove(order);
            changedBooks.add(book.market());
        } else {
            book.pending().remove(order);
        }
    }

    // ---- cycles and expiry ----

    private void runCycle(OrderBook book) {
        for (Order order : book.pending()) {
            if (order.isOpen()) {
                book.add(order);
            }
        }
        book.pending().clear();
        changedBooks.add(book.market());
        matcher.matchCrossedBook(this, book, config.rulesFor(book.market()).pricing());
    }

    private void expire(OrderBook book) {
        List<Order> open = new ArrayList<>(book.pending());
        book.pending().clear();
        for (PriceLevel level : List.copyOf(book.bidLevels())) {
            collect(level, open);
        }
        for (PriceLevel level : List.copyOf(book.askLevels())) {
            collect(level, open);
        }
        open.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        for (Order order : open) {
            long rest = order.remaining();
            if (order.isResting()) {
                book.remove(order);
            }
            closeOrder(order, OrderEvent.Status.EXPIRED);
            out.onEvent(orderEvent(null, order, null, "market " + book.market() + " closed; "
                    + Amounts.energy(rest).toPlainString() + " kWh expired"));
        }
        book.markClosed();
        openBooks.remove(book.market());
        closedBooks.put(book.slotStart(), book);
        changedBooks.add(book.market());
    }

    // ---- retention ----

    /**
     * Drops every closed book whose slot started at least the retention before the engine's time,
     * with its orders and their client order ids. Runs inside {@link #tick}, so a replay of the
     * journal drops the same books at the same input. Accounts and the engine's totals stay.
     */
    private void dropRetiredMarkets() {
        while (!closedBooks.isEmpty() && isPastRetention(closedBooks.firstKey(), now)) {
            OrderBook book = closedBooks.pollFirstEntry().getValue();
            for (Order order : book.placedOrders()) {
                if (order.isOpen()) {
                    throw new IllegalStateException("order " + order.orderId() + " of closed market " + book.market()
                            + " is still " + order.status().wireName());
                }
                orders.remove(order.orderId(), order);
                if (order.clientOrderId() != null) {
                    clientOrders.computeIfPresent(clientOrderKey(order.accountId(), order.clientOrderId()),
                            (key, client) -> client.orderId().equals(order.orderId()) ? null : client);
                }
            }
            books.remove(book.market());
            changedBooks.remove(book.market());
        }
    }

    private boolean isPastRetention(Instant slotStart, Instant at) {
        return !slotStart.plus(config.closedMarketRetention()).isAfter(at);
    }

    /** Tells whether the market starting at {@code slotStart} closed at least the retention ago. */
    public boolean isPastRetention(Instant slotStart) {
        return isPastRetention(slotStart, now);
    }

    /** Explains a missing order when the command names a market whose orders were dropped. */
    private String removalNote(String market) {
        if (market == null) {
            return "";
        }
        Instant slotStart;
        try {
            slotStart = config.calendar().parseMarket(market);
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (books.containsKey(MarketCalendar.marketName(slotStart)) || !isPastRetention(slotStart)) {
            return "";
        }
        return "; market " + MarketCalendar.marketName(slotStart) + " closed more than "
                + config.closedMarketRetention() + " ago, and its orders were removed";
    }

    static String clientOrderKey(String accountId, String clientOrderId) {
        return accountId + '\u0000' + clientOrderId;
    }

    private static void collect(PriceLevel level, List<Order> into) {
        for (Order order = level.head(); order != null; order = order.nextInLevel()) {
            into.add(order);
        }
    }

    // ---- settlement, called by the matcher ----

    /** Settles one trade: moves energy to the buyer and credits to the seller, releasing reservations. */
    void settle(OrderBook book, Order buy, Order sell, long price, long wh) {
        long value = Amounts.value(price, wh);
        Account buyer = accounts.get(buy.accountId());
        Account seller = accounts.get(sell.accountId());
        buy.takeReserved(value);
        buyer.spendReservedCredits(value);
        if (buy.type() == OrderType.LIMIT) {
            long refund = Amounts.value(buy.price() - price, wh);
            buy.takeReserved(refund);
            buyer.releaseCredits(refund);
        }
        sell.takeReserved(wh);
        seller.spendReservedEnergy(wh);
        buyer.depositEnergy(wh);
        seller.depositCredits(value);
        buy.settle(wh, value);
        sell.settle(wh, value);

        Fill fill = new Fill("t" + origin + "-" + (++tradeSequence), book.market(), buyer.id(), seller.id(), buy.orderId(),
                sell.orderId(), Amounts.price(price), Amounts.energy(wh), now, book.nextTradeSequence());
        book.recordTrade(fill, price, wh);
        tradeCount++;
        tradedVolume += wh;
        changedBooks.add(book.market());
        out.onFill(fill);
        afterFill(buy);
        afterFill(sell);
    }

    private void afterFill(Order order) {
        if (order.status() == OrderEvent.Status.FILLED) {
            accounts.get(order.accountId()).openOrderIds().remove(order.orderId());
            releaseRest(order);
        }
        if (order != taker) {
            // Constant text keeps the hot path cheap; the event's quantities carry the numbers.
            out.onEvent(orderEvent(null, order, null, "traded"));
        }
    }

    /** Cancels the rest of a resting order for self-trade prevention, inside a cycle. */
    void cancelForSelfTrade(OrderBook book, Order order) {
        book.remove(order);
        changedBooks.add(book.market());
        closeOrder(order, OrderEvent.Status.CANCELLED);
        out.onEvent(orderEvent(null, order, null, "self-trade prevention: the order would trade with an older"
                + " order of the same account; its rest is cancelled"));
    }

    /** Closes an order and releases the reservation of what it did not trade. */
    private void closeOrder(Order order, OrderEvent.Status status) {
        long rest = order.close(status);
        Account account = accounts.get(order.accountId());
        account.openOrderIds().remove(order.orderId());
        if (!order.isBuy()) {
            // A sell reserves its quantity; trades matched but not yet settled keep theirs.
            order.takeReserved(rest);
            account.releaseEnergy(rest);
        } else if (order.type() == OrderType.LIMIT) {
            long release = Amounts.value(order.price(), rest);
            order.takeReserved(release);
            account.releaseCredits(release);
        } else {
            // A market buy settles at once, so what it still reserves is its unused bound.
            releaseRest(order);
        }
    }

    private void releaseRest(Order order) {
        long rest = order.reserved();
        if (rest == 0) {
            return;
        }
        order.takeReserved(rest);
        Account account = accounts.get(order.accountId());
        if (order.isBuy()) {
            account.releaseCredits(rest);
        } else {
            account.releaseEnergy(rest);
        }
    }

    // ---- validation ----

    private OrderRequest validate(TradingCommand.PlaceOrder place) {
        knownAccount(place.accountId());
        String orderId = place.orderId() == null ? "o-" + place.commandId() : place.orderId();
        if (!isValidId(orderId)) {
            throw new Rejection(RejectReason.MALFORMED_COMMAND, "order_id '" + orderId
                    + "' must be 1 to 64 letters, digits, '.', ':', '_' or '-'");
        }
        if (place.clientOrderId() != null && !isValidId(place.clientOrderId())) {
            throw new Rejection(RejectReason.MALFORMED_COMMAND, "client_order_id '" + place.clientOrderId()
                    + "' must be 1 to 64 letters, digits, '.', ':', '_' or '-'");
        }
        Side side = required(place.side(), "side");
        OrderType type = place.orderType() == null ? OrderType.LIMIT : place.orderType();
        TimeInForce timeInForce = place.timeInForce() == null ? TimeInForce.GTC : place.timeInForce();
        if (type == OrderType.MARKET && timeInForce == TimeInForce.GTC) {
            timeInForce = TimeInForce.IOC;
        }
        Slot slot = openSlotOf(place.market());
        String market = slot.market();
        Instant slotStart = slot.start();
        long quantity = amount(AmountRule.QUANTITY, place.quantity());
        long price = 0;
        long maxCredits = 0;
        if (type == OrderType.LIMIT) {
            price = amount(AmountRule.PRICE, place.price());
        } else {
            if (place.price() != null) {
                throw new Rejection(RejectReason.PRICE_NOT_ALLOWED, "price " + place.price().toPlainString()
                        + " is not allowed on a market order; use a limit order or max_credits");
            }
            if (place.maxCredits() != null && side == Side.BUY) {
                maxCredits = Amounts.creditUnitsOfCents(amount(AmountRule.MAX_CREDITS, place.maxCredits()));
            }
        }
        String clientKey = null;
        String fingerprint = null;
        if (place.clientOrderId() != null) {
            clientKey = clientOrderKey(place.accountId(), place.clientOrderId());
            fingerprint = side + "|" + type + "|" + timeInForce + "|" + market + "|" + price + "|" + quantity + "|"
                    + maxCredits;
        }
        return new OrderRequest(place.accountId(), orderId, side, type, timeInForce, market, slotStart, price, quantity,
                maxCredits, clientKey, fingerprint);
    }

    /** Resolves the market of an order to its slot start and rejects it unless the slot is open. */
    private Slot openSlotOf(String requested) {
        MarketCalendar calendar = config.calendar();
        OrderBook known = requested == null ? null : books.get(requested);
        Instant slotStart;
        if (known != null) {
            // A known book name is canonical already, which saves parsing an instant.
            slotStart = known.slotStart();
        } else if (requested == null) {
            slotStart = calendar.nextOpenSlot(now);
        } else {
            try {
                slotStart = calendar.parseMarket(requested);
            } catch (IllegalArgumentException e) {
                throw new Rejection(RejectReason.INVALID_MARKET, e.getMessage());
            }
        }
        String market = known != null ? known.market() : MarketCalendar.marketName(slotStart);
        OrderBook book = known != null ? known : books.get(market);
        if (!calendar.isOpen(slotStart, now) || book != null && book.isClosed()) {
            throw new Rejection(RejectReason.MARKET_CLOSED, "market " + market + " is not open for trading at " + now
                    + "; slots open " + calendar.openHorizon().toHours() + " h ahead and close at their start");
        }
        return new Slot(market, slotStart);
    }

    private static long amount(AmountRule rule, BigDecimal value) {
        try {
            return rule.toUnits(value);
        } catch (AmountRule.AmountException e) {
            throw new Rejection(e.reason(), e.getMessage());
        }
    }

    /** Checks that an id is 1 to 64 ASCII letters, digits, '.', ':', '_' or '-', without a costly regex. */
    static boolean isValidId(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == ':' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static String validAccountId(String accountId) {
        if (accountId == null) {
            throw new Rejection(RejectReason.MISSING_FIELD, "account_id is required");
        }
        if (!isValidId(accountId)) {
            throw new Rejection(RejectReason.INVALID_ACCOUNT_ID, "account_id '" + accountId
                    + "' must be 1 to 64 letters, digits, '.', ':', '_' or '-'");
        }
        return accountId;
    }

    private Account knownAccount(String accountId) {
        Account account = accounts.get(validAccountId(accountId));
        if (account == null) {
            throw new Rejection(RejectReason.UNKNOWN_ACCOUNT, "account " + accountId + " is not open");
        }
        return account;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new Rejection(RejectReason.MISSING_FIELD, field + " is required");
        }
        return value;
    }

    // ---- events ----

    private OrderEvent orderEvent(String commandId, Order order, RejectReason reason, String message) {
        return new OrderEvent(nextEventId(), commandId, order.status(), order.accountId(), order.orderId(),
                order.clientOrderId(), order.market(), order.side(),
                order.type() == OrderType.LIMIT ? Amounts.price(order.price()) : null, Amounts.energy(order.quantity()),
                Amounts.energy(order.filled()), Amounts.energy(order.remaining()),
                reason == null ? null : reason.code(), message, now);
    }

    private OrderEvent accountEvent(TradingCommand command, OrderEvent.Status status, String message) {
        return new OrderEvent(nextEventId(), command.commandId(), status, command.accountId(), null, null, null, null,
                null, null, null, null, null, message, now);
    }

    private OrderEvent rejected(TradingCommand command, Rejection rejection) {
        String orderId = null;
        String clientOrderId = null;
        String market = null;
        Side side = null;
        BigDecimal price = null;
        BigDecimal quantity = null;
        if (command instanceof TradingCommand.PlaceOrder place) {
            orderId = place.orderId();
            clientOrderId = place.clientOrderId();
            market = place.market();
            side = place.side();
            price = place.price();
            quantity = place.quantity();
        } else if (command instanceof TradingCommand.CancelOrder cancel) {
            orderId = cancel.orderId();
            market = cancel.market();
        }
        return new OrderEvent(nextEventId(), command.commandId(), OrderEvent.Status.REJECTED, command.accountId(),
                orderId, clientOrderId, market, side, price, quantity, null, null, rejection.reason().code(),
                rejection.getMessage(), now);
    }

    private String nextEventId() {
        return "e" + origin + "-" + (++eventSequence);
    }

    // ---- snapshots ----

    /** Copies the whole state into a snapshot; the engine keeps running unchanged. */
    public EngineSnapshot snapshot() {
        return EngineSnapshots.capture(this);
    }

    /** Builds an engine whose state equals the snapshot's, so it continues exactly where that one was. */
    public static TradingEngine restore(EngineConfig config, EngineSnapshot snapshot) {
        return EngineSnapshots.restore(config, snapshot);
    }

    // ---- queries ----

    public BookUpdate bookUpdate(OrderBook book, Instant at) {
        return new BookUpdate(book.market(), book.changeSequence(), levels(book.bidLevels()),
                levels(book.askLevels()), book.lastPrice() < 0 ? null : Amounts.price(book.lastPrice()), at);
    }

    private static List<BookUpdate.Level> levels(Collection<PriceLevel> side) {
        List<BookUpdate.Level> levels = new ArrayList<>(Math.min(side.size(), BOOK_DEPTH));
        Iterator<PriceLevel> iterator = side.iterator();
        while (iterator.hasNext() && levels.size() < BOOK_DEPTH) {
            PriceLevel level = iterator.next();
            levels.add(new BookUpdate.Level(Amounts.price(level.price()), Amounts.energy(level.totalQuantity()),
                    level.orderCount()));
        }
        return levels;
    }

    public OrderBook book(String market) {
        return books.get(market);
    }

    public Collection<OrderBook> books() {
        return Collections.unmodifiableCollection(books.values());
    }

    public Order order(String orderId) {
        return orders.get(orderId);
    }

    public Account account(String accountId) {
        return accounts.get(accountId);
    }

    public Collection<Account> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    public long tradeCount() {
        return tradeCount;
    }

    /** Traded quantity over all markets, Wh. */
    public long tradedVolume() {
        return tradedVolume;
    }

    /** Orders resting in a book or waiting for a cycle. */
    public long openOrderCount() {
        long count = 0;
        for (OrderBook book : books.values()) {
            count += book.restingOrders() + book.pending().size();
        }
        return count;
    }

    /** Commands and ticks applied so far. */
    public long inputSequence() {
        return inputSequence;
    }

    /** Returns the engine's time, the instant of the last input. */
    public Instant now() {
        return now;
    }

    private record Slot(String market, Instant start) {
    }

    record ClientOrder(String orderId, String fingerprint) {
    }

    private record OrderRequest(String accountId, String orderId, Side side, OrderType type, TimeInForce timeInForce,
                                String market, Instant slotStart, long price, long quantity, long maxCredits,
                                String clientOrderKey, String fingerprint) {
    }
}
