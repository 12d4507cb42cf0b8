package org.solarmarket.trading.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.contracts.Fill;
import org.solarmarket.trading.book.OrderBook;
import org.solarmarket.trading.intake.EngineService;
import org.solarmarket.trading.matching.BookSummary;
import org.solarmarket.trading.matching.TradingEngine;

/** Order books, their statistics and recent trades per market. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class BookResource {

    static final int MAX_TRADES = OrderBook.RECENT_TRADES;
    private static final int DEFAULT_TRADES = 50;

    @Inject
    EngineService engine;

    /** Platform time: the wall clock, or the replay clock when one is configured. */
    private final Clock clock = PlatformClock.fromEnvironment();

    /**
     * Top 20 price levels per side, best first; {@code include_orders=true} lists the orders in each.
     * A market without a book, including one dropped after the retention, has empty sides.
     */
    @GET
    @Path("book")
    public Views.Book book(@QueryParam("market") String market, @QueryParam("include_orders") boolean includeOrders) {
        String name = resolve(market);
        return engine.runner().read(state -> Views.book(name, state.book(name), includeOrders));
    }

    /** Best bid and ask, spread, mid, depth, last price, volume, order count and liquidity. */
    @GET
    @Path("book/summary")
    public BookSummary summary(@QueryParam("market") String market) {
        String name = resolve(market);
        return engine.runner().read(state -> {
            OrderBook book = state.book(name);
            if (book == null) {
                requireRetained(state, name);
            }
            OrderBook summarized = book != null ? book : new OrderBook(name, Instant.parse(name));
            return BookSummary.of(summarized, state.config().liquidity());
        });
    }

    /** The latest trades of one market, or of all markets when none is named, newest first. */
    @GET
    @Path("trades")
    public List<Fill> trades(@QueryParam("market") String market, @QueryParam("limit") String limit) {
        int count = limitOf(limit);
        if (market == null || market.isBlank()) {
            return engine.runner().read(state -> latestTrades(state.books(), count));
        }
        String name = resolve(market);
        return engine.runner().read(state -> {
            OrderBook book = state.book(name);
            if (book == null) {
                requireRetained(state, name);
            }
            List<Fill> trades = new ArrayList<>();
            if (book != null) {
                Iterator<Fill> newestFirst = book.recentTrades().descendingIterator();
                while (newestFirst.hasNext() && trades.size() < count) {
                    trades.add(newestFirst.next());
                }
            }
            return trades;
        });
    }

    /** Returns the newest {@code count} trades of all books, by execution time and then trade sequence. */
    static List<Fill> latestTrades(Collection<OrderBook> books, int count) {
        Comparator<Fill> newestFirst = Comparator.comparing(Fill::executedAt).thenComparingLong(Fill::sequence)
                .reversed();
        PriorityQueue<Fill> newest = new PriorityQueue<>(newestFirst.reversed());
        for (OrderBook book : books) {
            // A book keeps its trades oldest first, so only its newest count trades can make the list.
            Iterator<Fill> newestOfBook = book.recentTrades().descendingIterator();
            for (int i = 0; i < count && newestOfBook.hasNext(); i++) {
                newest.add(newestOfBook.next());
                if (newest.size() > count) {
                    newest.poll();
                }
            }
        }
        List<Fill> trades = new ArrayList<>(newest);
        trades.sort(newestFirst);
        return trades;
    }

    /**
     * Rejects a market without a book that closed more than the retention ago, because zero
     * figures would misstate a market whose statistics and trades were dropped.
     */
    private static void requireRetained(TradingEngine state, String market) {
        if (state.isPastRetention(Instant.parse(market))) {
            throw new ApiException(404, "Not Found", "market " + market + " closed more than "
                    + state.config().closedMarketRetention() + " ago; the engine keeps no book, statistics or trades"
                    + " of markets older than this retention", "market", market);
        }
    }

    private String resolve(String market) {
        return MarketParameter.resolve(market, engine.engineConfig().calendar(), clock.instant());
    }

    private static int limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_TRADES;
        }
        int value;
        try {
            value = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("limit", limit, "expected an integer from 1 to " + MAX_TRADES);
        }
        if (value < 1 || value > MAX_TRADES) {
            throw ApiException.invalidParameter("limit", limit, "must be from 1 to " + MAX_TRADES);
        }
        return value;
    }
}
