package org.solarmarket.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.gateway.json.StrictJson;
import org.solarmarket.gateway.market.MarketFeed;
import org.solarmarket.gateway.problem.ApiException;
import org.solarmarket.gateway.problem.UpstreamProblemException;
import org.solarmarket.gateway.security.TokenVerifier;
import org.solarmarket.gateway.solar.LatestForecast;
import org.solarmarket.gateway.upstream.CachedLookup;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;

/**
 * The WebSocket protocol. A client may send:
 * <ul>
 *   <li>{@code request_forecast} {@code {"hours": 6-72, "interval_minutes": 5-60, "start_time"?,
 *       "request_id"?}}: the reply is {@code forecast_update} to that client;</li>
 *   <li>{@code subscribe} {@code {"user_id", "api_token"}}: from then on the wallet's own
 *       {@code fill} and {@code order_update} events reach this connection; the reply is
 *       {@code subscribed}; {@code unsubscribe} ends that;</li>
 *   <li>{@code ping}: the reply is {@code pong}.</li>
 * </ul>
 * The gateway sends {@code connect} with the connection id at once and {@code initial_state} right
 * after it, then {@code market_update} at most every 300 ms
 * per changed market, {@code block} for every mined block, and {@code error} for a message it
 * cannot handle; the connection stays open after an error.
 */
@ApplicationScoped
public class SocketMessages {

    /** Fields of request_forecast; {@code interval} is the short form of {@code interval_minutes}. */
    static final java.util.Set<String> FORECAST_FIELDS = java.util.Set.of("hours", "interval", "interval_minutes",
            "start_time", "request_id");

    private static final Logger LOG = Logger.getLogger(SocketMessages.class);
    private static final List<String> CLIENT_EVENTS = List.of("request_forecast", "subscribe", "unsubscribe", "ping");

    @Inject
    ServiceClient services;

    @Inject
    TokenVerifier tokens;

    @Inject
    LatestForecast forecast;

    @Inject
    MarketFeed feed;

    private final MarketCalendar calendar = MarketCalendar.DEFAULT;
    /** Platform time: the wall clock, or the replay clock when one is configured. */
    private final Clock clock = PlatformClock.fromEnvironment();
    private final CachedLookup summaries = new CachedLookup(java.time.Duration.ofSeconds(1));
    private final CachedLookup books = new CachedLookup(java.time.Duration.ofSeconds(1));

    /** Handles one message from a client; runs on a worker, one message of a client at a time. */
    void handle(ClientSession session, String text) {
        String requestId = null;
        try {
            JsonNode message = StrictJson.parseObject(text);
            JsonNode data = message.path("data");
            requestId = data.hasNonNull("request_id") ? data.get("request_id").asText() : null;
            String event = message.path("event").asText("");
            switch (event) {
                case "request_forecast" -> requestForecast(session, data, requestId);
                case "subscribe" -> subscribe(session, data);
                case "unsubscribe" -> {
                    session.subscribeAs(null);
                    session.sendEvent(ClientRegistry.envelope("unsubscribed", Map.of()));
                }
                case "ping" -> session.sendEvent(ClientRegistry.envelope("pong", data.isObject() ? data : Map.of()));
                default -> session.sendEvent(error("unknown event '" + event + "'; expected one of " + CLIENT_EVENTS,
                        "event", event, requestId));
            }
        } catch (ApiException e) {
            session.sendEvent(error(e.getMessage(), e.toProblem().field(), e.toProblem().value(), requestId));
        } catch (UpstreamProblemException e) {
            session.sendEvent(error(e.getMessage(), e.problem().path("field").asText(null),
                    e.problem().path("value").isMissingNode() ? null : e.problem().get("value"), requestId));
        }
    }

    /** Sends the state a new client starts from: book and trades of the next open market, latest forecast. */
    void sendInitialState(ClientSession session) {
        String market = MarketCalendar.marketName(calendar.nextOpenSlot(clock.instant()));
        List<String> unavailable = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("connection_id", session.id());
        data.put("market", market);
        JsonNode book = feed.book(market).orElseGet(() -> books.get(market, () -> services.getQuickly(Service.TRADING,
                "/book", java.time.Duration.ofSeconds(2), "market", market).requireSuccess()).orElse(null));
        data.put("book", book);
        data.put("summary", summaries.get(market, () -> services.getQuickly(Service.TRADING, "/book/summary",
                java.time.Duration.ofSeconds(2), "market", market).requireSuccess()).orElse(null));
        data.put("recent_trades", feed.recentTrades(market));
        data.put("forecast", forecast.current().orElse(null));
        for (String part : List.of("book", "summary", "forecast")) {
            if (data.get(part) == null) {
                unavailable.add(part);
            }
        }
        data.put("unavailable", unavailable);
        session.sendEvent(ClientRegistry.envelope("initial_state", data));
    }

    private void requestForecast(ClientSession session, JsonNode data, String requestId) {
        data.fieldNames().forEachRemaining(name -> {
            if (!FORECAST_FIELDS.contains(name)) {
                throw ApiException.invalidField(name, null, "unknown field; allowed fields are " + FORECAST_FIELDS);
            }
        });
        int hours = integerIn(data, "hours", 6, 72, 24);
        int interval = integerIn(data, data.has("interval") ? "interval" : "interval_minutes", 5, 60, 15);
        ObjectNode request = Json.mapper().createObjectNode();
        request.put("hours", hours);
        request.put("interval_minutes", interval);
        if (data.hasNonNull("start_time")) {
            String start = data.get("start_time").asText();
            try {
                OffsetDateTime.parse(start);
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField("start_time", start,
                        "expected an ISO-8601 time with offset, e.g. 2026-12-04T15:00:00Z");
            }
            request.put("start_time", start);
        }
        JsonNode answer = services.post(Service.FORECAST, "/api/solar/forecast", Json.write(request)).requireSuccess();
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("request_id", requestId);
        update.put("hours", hours);
        update.put("interval_minutes", interval);
        update.put("forecast", answer);
        session.sendEvent(ClientRegistry.envelope("forecast_update", update));
    }

    private void subscribe(ClientSession session, JsonNode data) {
        String userId = data.path("user_id").asText("");
        String token = data.path("api_token").asText("");
        if (userId.isEmpty()) {
            throw ApiException.invalidField("user_id", null, "the field is required");
        }
        if (token.isEmpty()) {
            throw ApiException.invalidField("api_token", null, "the field is required");
        }
        String owner = tokens.userOf(token).orElseThrow(() -> new ApiException(401, "Unauthorized",
                "the api_token belongs to no wallet; use the api_token returned by POST /wallet", "api_token", null));
        if (!owner.equals(userId)) {
            throw ApiException.forbidden("the api_token belongs to another wallet than user_id '" + userId + "'",
                    "user_id", userId);
        }
        session.subscribeAs(userId);
        LOG.debugf("[ws %s] Subscribed as wallet %s", session.id(), userId);
        session.sendEvent(ClientRegistry.envelope("subscribed", Map.of("user_id", userId)));
    }

    private static int integerIn(JsonNode data, String field, int min, int max, int fallback) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToExactIntegral() || node.asLong() < min || node.asLong() > max) {
            throw ApiException.invalidField(field, node.toString(), "must be an integer from " + min + " to " + max);
        }
        return node.asInt();
    }

    /** Returns an error event; {@code field} and {@code value} name the input at fault when there is one. */
    static String error(String message, String field, Object value, String requestId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", message);
        if (field != null) {
            data.put("field", field);
            data.put("value", value);
        }
        if (requestId != null) {
            data.put("request_id", requestId);
        }
        return ClientRegistry.envelope("error", data);
    }
}
