package org.solarmarket.gateway.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.gateway.ws.ClientRegistry;

/**
 * The live state of each market as the event streams report it: the latest book snapshot and the
 * most recent trades. Every {@code interval} (300 ms by default) the markets that changed are sent
 * to all WebSocket clients as one {@code market_update} each, so a burst of changes costs one
 * message per market and interval.
 */
@ApplicationScoped
public class MarketFeed {

    private static final Logger LOG = Logger.getLogger(MarketFeed.class);
    /** Trades kept per market and sent in each update. */
    public static final int RECENT_TRADES = 20;
    private static final int MAX_MARKETS = 500;

    @Inject
    ClientRegistry clients;

    @ConfigProperty(name = "solarmarket.gateway.ws.market-update-interval", defaultValue = "PT0.3S")
    Duration interval;

    private final Map<String, MarketState> markets = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicLong updatesSent = new AtomicLong();
    private ScheduledExecutorService ticker;

    private static final class MarketState {
        JsonNode book;
        final Deque<JsonNode> trades = new ArrayDeque<>();
    }

    void onStart(@Observes StartupEvent event) {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-market-updates");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::publishChanges, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.infof("Market updates every %d ms", interval.toMillis());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        LOG.info("Market updates stopped");
    }

    /** Records a book snapshot from the book-updates topic; an older sequence than the one held is ignored. */
    public void onBook(JsonNode book) {
        String market = book.path("market").asText(null);
        if (market == null) {
            return;
        }
        MarketState state = stateOf(market);
        synchronized (state) {
            if (state.book != null && state.book.path("sequence").asLong() > book.path("sequence").asLong()) {
                return;
            }
            state.book = book;
        }
        changed.add(market);
    }

    /** Records a trade from the fills topic; only public fields are kept (no account or order ids). */
    public void onFill(JsonNode fill) {
        String market = fill.path("market").asText(null);
        if (market == null) {
            return;
        }
        ObjectNode trade = Json.mapper().createObjectNode();
        for (String field : new String[] {"trade_id", "market", "price", "quantity", "executed_at", "sequence"}) {
            if (fill.has(field)) {
                trade.set(field, fill.get(field));
            }
        }
        MarketState state = stateOf(market);
        synchronized (state) {
            state.trades.addFirst(trade);
            while (state.trades.size() > RECENT_TRADES) {
                state.trades.removeLast();
            }
        }
        changed.add(market);
    }

    /** Returns the latest book snapshot of a market, when one arrived since start. */
    public Optional<JsonNode> book(String market) {
        MarketState state = markets.get(market);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.ofNullable(state.book);
        }
    }

    /** Returns the recent trades of a market seen since start, newest first. */
    public ArrayNode recentTrades(String market) {
        ArrayNode trades = Json.mapper().createArrayNode();
        MarketState state = markets.get(market);
        if (state != null) {
            synchronized (state) {
                state.trades.forEach(trades::add);
            }
        }
        return trades;
    }

    public long updatesSent() {
        return updatesSent.get();
    }

    /** Sends one market_update per changed market; runs on the ticker thread. */
    void publishChanges() {
        try {
            for (String market : changed) {
                changed.remove(market);
                clients.broadcastState("market_update:" + market, "market_update", update(market));
                updatesSent.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.error("Sending market updates failed; retrying at the next interval", e);
        }
    }

    private ObjectNode update(String market) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("market", market);
        MarketState state = markets.get(market);
        synchronized (state) {
            JsonNode book = state.book;
            if (book != null) {
                for (String field : new String[] {"sequence", "bids", "asks", "last_price", "at"}) {
                    if (book.has(field)) {
                        data.set(field, book.get(field));
                    }
                }
            }
            ArrayNode trades = data.putArray("recent_trades");
            state.trades.forEach(trades::add);
        }
        data.put("sent_at", Instant.now().toString());
        return data;
    }

    private MarketState stateOf(String market) {
        MarketState state = markets.get(market);
        if (state != null) {
            return state;
        }
        if (markets.size() >= MAX_MARKETS) {
            // Closed slots stop changing; dropping the earliest-named ones keeps memory bounded.
            markets.keySet().stream().sorted().limit(markets.size() - MAX_MARKETS + 1).toList()
                    .forEach(markets::remove);
        }
        return markets.computeIfAbsent(market, ignored -> new MarketState());
    }
}
