package org.solarmarket.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solarmarket.contracts.Json;
import org.solarmarket.gateway.market.MarketFeed;
import org.solarmarket.gateway.security.RateLimiter;
import org.solarmarket.gateway.upstream.CachedLookup;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;
import org.solarmarket.gateway.ws.ClientRegistry;

/**
 * {@code GET /stats}: platform-wide figures, merged from trading-service and ledger-service
 * ({@code /stats}), forecast-service (the statistics of the 24 h forecast in
 * {@code /api/solar/dashboard}) and the gateway's own. A service that does not respond is listed under {@code unavailable} and its
 * section is null, but the call still succeeds.
 */
@Path("/stats")
@Tag(name = "Platform")
public class StatsResource {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    @Inject
    ServiceClient services;

    @Inject
    ClientRegistry clients;

    @Inject
    MarketFeed feed;

    @Inject
    RateLimiter limiter;

    private final CachedLookup forecastFigures = new CachedLookup(Duration.ofSeconds(60));

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Platform-wide statistics of trading, ledger, forecasting and the gateway")
    public JsonNode stats() {
        CompletableFuture<JsonNode> trading = call(() -> services.getQuickly(Service.TRADING, "/stats", CALL_TIMEOUT)
                .requireSuccess());
        CompletableFuture<JsonNode> ledger = call(() -> services.getQuickly(Service.LEDGER, "/stats", CALL_TIMEOUT)
                .requireSuccess());
        CompletableFuture<JsonNode> forecast = call(() -> forecastFigures.get("dashboard", () -> figuresOf(
                services.getQuickly(Service.FORECAST, "/api/solar/dashboard", CALL_TIMEOUT).requireSuccess()))
                .orElse(null));
        ObjectNode answer = Json.mapper().createObjectNode();
        List<String> unavailable = new ArrayList<>();
        put(answer, "trading", trading.join(), Service.TRADING, unavailable);
        put(answer, "ledger", ledger.join(), Service.LEDGER, unavailable);
        put(answer, "forecast", forecast.join(), Service.FORECAST, unavailable);
        ObjectNode gateway = answer.putObject("gateway");
        clients.figures().forEach((name, value) -> gateway.put(name, ((Number) value).longValue()));
        gateway.put("market_updates_sent", feed.updatesSent());
        gateway.put("rate_limited_requests", limiter.rejectedCount());
        answer.set("unavailable", Json.mapper().valueToTree(unavailable));
        answer.put("generated_at", Instant.now().toString());
        return answer;
    }

    private static CompletableFuture<JsonNode> call(Supplier<JsonNode> lookup) {
        return CompletableFuture.supplyAsync(lookup, CALLS).exceptionally(failure -> null);
    }

    private static void put(ObjectNode answer, String name, JsonNode section, Service service, List<String> unavailable) {
        answer.set(name, section);
        if (section == null) {
            unavailable.add(service.displayName());
        }
    }

    /**
     * Keeps the figures of forecast-service's dashboard and drops its time series: the forecast's
     * statistics and model fields, with nested figures named {@code parent.child}, such as
     * {@code energy_kwh.p50}. A dashboard without statistics keeps its own scalar fields.
     */
    static JsonNode figuresOf(JsonNode dashboard) {
        ObjectNode figures = Json.mapper().createObjectNode();
        JsonNode forecast = dashboard.path("forecast");
        JsonNode statistics = forecast.path("statistics");
        if (!statistics.isObject()) {
            copyScalars(dashboard, "", figures, 0);
            return figures;
        }
        for (String field : new String[] {"plant", "issue_time", "hours", "interval_minutes"}) {
            if (forecast.path(field).isValueNode()) {
                figures.set(field, forecast.get(field));
            }
        }
        copyScalars(statistics, "", figures, 1);
        copyScalars(forecast.path("model"), "model.", figures, 0);
        return figures;
    }

    private static void copyScalars(JsonNode source, String prefix, ObjectNode target, int depth) {
        source.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isValueNode()) {
                target.set(prefix + field.getKey(), value);
            } else if (value.isObject() && depth > 0) {
                copyScalars(value, prefix + field.getKey() + ".", target, depth - 1);
            }
        });
    }
}
