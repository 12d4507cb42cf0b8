package org.solarmarket.gateway.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.gateway.problem.ApiException;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;

/** Public market data from trading-service: order books, their statistics, trades and markets. */
@Path("/")
@Tag(name = "Trading")
public class MarketDataResource {

    static final int MAX_TRADES = 500;
    private static final Set<String> MARKET_ONLY = Set.of("market");
    /** Fields of a fill that name the parties; a wallet receives its own fills on its WebSocket. */
    static final List<String> PRIVATE_TRADE_FIELDS = List.of("buyer_id", "seller_id", "buy_order_id",
            "sell_order_id");

    @Inject
    ServiceClient services;

    private final MarketCalendar calendar = MarketCalendar.DEFAULT;
    /** Platform time: the wall clock, or the replay clock when one is configured. */
    private final Clock clock = PlatformClock.fromEnvironment();

    @GET
    @Path("book")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Top 20 bids and asks of a market (default: the next open slot)")
    public JsonNode book(@QueryParam("market") String market, @Context UriInfo uri) {
        QueryRules.requireKnown(uri, MARKET_ONLY);
        return services.get(Service.TRADING, "/book", "market", marketOrNext(market)).requireSuccess();
    }

    @GET
    @Path("book/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Order book statistics of a market: best prices, spread, depth, liquidity")
    public JsonNode summary(@QueryParam("market") String market, @Context UriInfo uri) {
        QueryRules.requireKnown(uri, MARKET_ONLY);
        return services.get(Service.TRADING, "/book/summary", "market", marketOrNext(market)).requireSuccess();
    }

    @GET
    @Path("trades")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recent trades, newest first; all markets unless market is given; no account or order ids")
    public JsonNode trades(@QueryParam("market") String market, @QueryParam("limit") String limit,
                           @Context UriInfo uri) {
        QueryRules.requireKnown(uri, Set.of("market", "limit"));
        String canonical = market == null ? null : canonicalMarket(market);
        JsonNode trades = services.get(Service.TRADING, "/trades", "market", canonical, "limit", limitOf(limit))
                .requireSuccess();
        // The list is public, so it shows what the WebSocket's market_update shows: no parties.
        if (trades.isArray()) {
            for (JsonNode trade : trades) {
                if (trade instanceof ObjectNode fields) {
                    fields.remove(PRIVATE_TRADE_FIELDS);
                }
            }
        }
        return trades;
    }

    @GET
    @Path("markets")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open delivery slots")
    public JsonNode markets(@Context UriInfo uri) {
        QueryRules.requireKnown(uri, Set.of());
        return services.get(Service.TRADING, "/markets").requireSuccess();
    }

    private String marketOrNext(String market) {
        return market == null || market.isBlank() ? MarketCalendar.marketName(calendar.nextOpenSlot(clock.instant()))
                : canonicalMarket(market);
    }

    private String canonicalMarket(String market) {
        try {
            return MarketCalendar.marketName(calendar.parseMarket(market));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("market", market, e.getMessage());
        }
    }

    private static int limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_TRADES) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw ApiException.invalidField("limit", limit, "must be an integer from 1 to " + MAX_TRADES);
    }
}
