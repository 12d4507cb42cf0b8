package org.solarmarket.trading.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.solarmarket.trading.account.Account;
import org.solarmarket.trading.book.Order;
import org.solarmarket.trading.book.OrderBook;
import org.solarmarket.trading.book.PriceLevel;

/** Copies a {@link TradingEngine}'s state into an {@link EngineSnapshot} and back. */
final class EngineSnapshots {

    private EngineSnapshots() {
    }

    static EngineSnapshot capture(TradingEngine engine) {
        List<EngineSnapshot.AccountState> accountStates = new ArrayList<>();
        for (Account account : engine.accounts.values()) {
            accountStates.add(new EngineSnapshot.AccountState(account.id(), account.energyAvailable(),
                    account.energyReserved(), account.creditsAvailable(), account.creditsReserved(),
                    List.copyOf(account.openOrderIds())));
        }
        accountStates.sort((a, b) -> a.id().compareTo(b.id()));
        List<Order> allOrders = new ArrayList<>(engine.orders.values());
        allOrders.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        List<EngineSnapshot.OrderState> orderStates = new ArrayList<>(allOrders.size());
        for (Order order : allOrders) {
            orderStates.add(new EngineSnapshot.OrderState(order.orderId(), order.accountId(), order.clientOrderId(),
                    order.market(), order.side(), order.type(), order.timeInForce(), order.price(), order.quantity(),
                    order.sequence(), order.acceptedAt(), order.remaining(), order.filled(), order.cancelled(),
                    order.filledValue(), order.reserved(), order.status()));
        }
        List<EngineSnapshot.BookState> bookStates = new ArrayList<>();
        for (OrderBook book : engine.books.values()) {
            bookStates.add(new EngineSnapshot.BookState(book.market(), book.slotStart(), book.isClosed(),
                    book.changeSequence(), book.tradeCount(), book.lastPrice(), book.volume(), book.tradedValue(),
                    restingIds(book.bidLevels()), restingIds(book.askLevels()),
                    book.pending().stream().map(Order::orderId).toList(), List.copyOf(book.recentTrades())));
        }
        List<EngineSnapshot.ClientOrderState> clientStates = new ArrayList<>();
        for (Map.Entry<String, TradingEngine.ClientOrder> entry : engine.clientOrders.entrySet()) {
            clientStates.add(new EngineSnapshot.ClientOrderState(entry.getKey(), entry.getValue().orderId(),
                    entry.getValue().fingerprint()));
        }
        clientStates.sort((a, b) -> a.key().compareTo(b.key()));
        return new EngineSnapshot(engine.inputSequence, -1, engine.eventSequence, engine.tradeSequence,
                engine.orderSequence, engine.tradeCount, engine.tradedVolume, engine.now, engine.origin,
                accountStates, orderStates, bookStates, clientStates);
    }

    private static List<String> restingIds(Collection<PriceLevel> levels) {
        List<String> ids = new ArrayList<>();
        for (PriceLevel level : levels) {
            for (Order order = level.head(); order != null; order = order.nextInLevel()) {
                ids.add(order.orderId());
            }
        }
        return ids;
    }

    static TradingEngine restore(EngineConfig config, EngineSnapshot snapshot) {
        TradingEngine engine = new TradingEngine(config);
        engine.inputSequence = snapshot.inputSequence();
        engine.eventSequence = snapshot.eventSequence();
        engine.tradeSequence = snapshot.tradeSequence();
        engine.orderSequence = snapshot.orderSequence();
        engine.tradeCount = snapshot.tradeCount();
        engine.tradedVolume = snapshot.tradedVolume();
        engine.now = snapshot.now();
        engine.origin = snapshot.origin();
        for (EngineSnapshot.AccountState state : snapshot.accounts()) {
            Account account = new Account(state.id());
            account.restoreBalances(state.energyAvailable(), state.energyReserved(), state.creditsAvailable(),
                    state.creditsReserved());
            account.openOrderIds().addAll(state.openOrderIds());
            engine.accounts.put(account.id(), account);
        }
        for (EngineSnapshot.OrderState state : snapshot.orders()) {
            Order order = new Order(state.orderId(), state.accountId(), state.clientOrderId(), state.market(),
                    state.side(), state.type(), state.timeInForce(), state.price(), state.quantity(), state.sequence(),
                    state.acceptedAt());
            order.restoreProgress(state.remaining(), state.filled(), state.cancelled(), state.filledValue(),
                    state.reserved(), state.status());
            engine.orders.put(order.orderId(), order);
        }
        for (EngineSnapshot.BookState state : snapshot.books()) {
            OrderBook book = new OrderBook(state.market(), state.slotStart());
            for (String orderId : state.bids()) {
                book.add(engine.orders.get(orderId));
            }
            for (String orderId : state.asks()) {
                book.add(engine.orders.get(orderId));
            }
            for (String orderId : state.pending()) {
                book.pending().addLast(engine.orders.get(orderId));
            }
            book.restoreStatistics(state.closed(), state.changeSequence(), state.tradeSequence(), state.lastPrice(),
                    state.volume(), state.tradedValue(), state.recentTrades());
            engine.books.put(book.market(), book);
            if (book.isClosed()) {
                engine.closedBooks.put(book.slotStart(), book);
            } else {
                engine.openBooks.put(book.market(), book);
            }
        }
        // Snapshot orders are in placement order, which is the order each book recorded them in.
        for (EngineSnapshot.OrderState state : snapshot.orders()) {
            OrderBook book = engine.books.get(state.market());
            if (book == null) {
                throw new IllegalStateException("snapshot order " + state.orderId() + " names market "
                        + state.market() + ", which has no book in the snapshot");
            }
            book.recordPlaced(engine.orders.get(state.orderId()));
        }
        for (EngineSnapshot.ClientOrderState state : snapshot.clientOrders()) {
            engine.clientOrders.put(state.key(), new TradingEngine.ClientOrder(state.orderId(), state.fingerprint()));
        }
        return engine;
    }
}
