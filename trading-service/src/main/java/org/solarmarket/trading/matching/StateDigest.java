package org.solarmarket.trading.matching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.solarmarket.trading.account.Account;
import org.solarmarket.trading.book.Order;
import org.solarmarket.trading.book.OrderBook;
import org.solarmarket.trading.book.PriceLevel;

/**
 * A canonical text of the engine's state (balances, books in priority order, orders and counters,
 * and how many orders and client order ids it retains) and its SHA-256. Two engines fed the same
 * inputs have the same digest; instants are left out so that runs at different wall-clock times
 * can be compared too.
 */
public final class StateDigest {

    private StateDigest() {
    }

    public static String text(TradingEngine engine) {
        StringBuilder text = new StringBuilder();
        List<Account> accounts = new ArrayList<>(engine.accounts());
        accounts.sort((a, b) -> a.id().compareTo(b.id()));
        for (Account account : accounts) {
            text.append("account ").append(account.id()).append(' ').append(account.creditsAvailable()).append(' ')
                    .append(account.creditsReserved()).append(' ').append(account.energyAvailable()).append(' ')
                    .append(account.energyReserved()).append(' ').append(account.openOrderIds()).append('\n');
        }
        for (OrderBook book : engine.books()) {
            text.append("book ").append(book.market()).append(book.isClosed() ? " closed" : " open")
                    .append(" trades ").append(book.tradeCount()).append(" volume ").append(book.volume())
                    .append(" last ").append(book.lastPrice()).append('\n');
            appendSide(text, "bid", book.bidLevels());
            appendSide(text, "ask", book.askLevels());
            for (Order order : book.pending()) {
                text.append(" pending ");
                appendOrder(text, order);
            }
        }
        text.append("trades ").append(engine.tradeCount()).append(" volume ").append(engine.tradedVolume())
                .append(" open ").append(engine.openOrderCount()).append(" retained ").append(engine.orders.size())
                .append(" client ids ").append(engine.clientOrders.size()).append('\n');
        return text.toString();
    }

    public static String sha256(TradingEngine engine) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text(engine).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static void appendSide(StringBuilder text, String side, Iterable<PriceLevel> levels) {
        for (PriceLevel level : levels) {
            text.append(' ').append(side).append(' ').append(level.price()).append(' ')
                    .append(level.totalQuantity()).append('\n');
            for (Order order = level.head(); order != null; order = order.nextInLevel()) {
                text.append("  ");
                appendOrder(text, order);
            }
        }
    }

    private static void appendOrder(StringBuilder text, Order order) {
        text.append(order.orderId()).append(' ').append(order.accountId()).append(' ').append(order.side())
                .append(' ').append(order.price()).append(' ').append(order.quantity()).append(' ')
                .append(order.filled()).append(' ').append(order.remaining()).append(' ').append(order.reserved())
                .append(' ').append(order.status()).append('\n');
    }
}
