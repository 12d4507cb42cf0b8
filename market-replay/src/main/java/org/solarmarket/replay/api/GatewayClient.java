package org.solarmarket.replay.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Side;

/**
 * The replay's only way into the platform: the gateway's public REST API, called exactly as any
 * client would call it.
 */
public final class GatewayClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String baseUrl;
    private final String operatorToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GatewayClient(String baseUrl, String operatorToken) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.operatorToken = operatorToken;
    }

    /** Creates a wallet and returns its API token; HTTP 409 means the wallet exists already. */
    public String createWallet(String userId) throws GatewayException {
        JsonNode body = send("POST", "/wallet", null, Map.of("user_id", userId), 201);
        return body.path("api_token").asText();
    }

    /** Credits an account with the operator token: a deposit of credits or metered energy. */
    public void credit(String userId, String asset, BigDecimal amount) throws GatewayException {
        send("POST", "/admin/credit", operatorToken,
                Map.of("user_id", userId, "asset", asset, "amount", amount.toPlainString()), -1);
    }

    /** Places a limit order and returns its order id. */
    public String placeOrder(String token, String userId, Side side, BigDecimal price, BigDecimal quantity,
                             String market, String clientOrderId) throws GatewayException {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("user_id", userId);
        order.put("side", side.wireName());
        order.put("price", price.toPlainString());
        order.put("quantity", quantity.toPlainString());
        order.put("market", market);
        order.put("client_order_id", clientOrderId);
        return send("POST", "/order", token, order, 202).path("order_id").asText();
    }

    /** Fetches the order's state from {@code GET /order/{order_id}}. */
    public JsonNode order(String token, String orderId) throws GatewayException {
        return send("GET", "/order/" + orderId, token, null, 200);
    }

    /**
     * Forecast P10 power [kW] of the reference plant by timestamp, from {@code POST /api/solar/forecast}.
     */
    public TreeMap<Instant, Double> forecastP10Kw(Instant start, int hours, int intervalMinutes)
            throws GatewayException {
        JsonNode body = send("POST", "/api/solar/forecast", null, Map.of("hours", hours,
                "interval_minutes", intervalMinutes, "start_time", start.toString()), 200);
        return ForecastReader.p10ByTime(body);
    }

    /** Fetches the plant's AC capacity [kW] from {@code GET /api/solar/plant-info}; NaN when absent. */
    public double plantAcCapacityKw() throws GatewayException {
        JsonNode body = send("GET", "/api/solar/plant-info", null, null, 200);
        return ForecastReader.acCapacityKw(body);
    }

    private JsonNode send(String method, String path, String token, Object body, int expectedStatus)
            throws GatewayException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GatewayException(method + " " + path + " failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(method + " " + path + " was interrupted", 0, e);
        }
        int status = response.statusCode();
        boolean ok = expectedStatus > 0 ? status == expectedStatus : status >= 200 && status < 300;
        if (!ok) {
            String detail = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            throw new GatewayException(method + " " + path + " returned HTTP " + status + ": "
                    + (detail.length() > 300 ? detail.substring(0, 300) + "..." : detail), status, null);
        }
        try {
            return response.body().length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new GatewayException(method + " " + path + " returned a body that is not JSON", status, e);
        }
    }

    /** Reads forecast responses, whose field names follow the public API's snake_case contract. */
    static final class ForecastReader {

        private ForecastReader() {
        }

        static TreeMap<Instant, Double> p10ByTime(JsonNode body) throws GatewayException {
            JsonNode times = body.path("timestamps");
            JsonNode p10 = firstPresent(body, "p10_kw", "p10");
            if (!times.isArray() || !p10.isArray() || times.size() != p10.size()) {
                throw new GatewayException("forecast response has no matching 'timestamps' and 'p10_kw' arrays", 200,
                        null);
            }
            TreeMap<Instant, Double> series = new TreeMap<>();
            for (int i = 0; i < times.size(); i++) {
                series.put(OffsetDateTime.parse(times.get(i).asText()).toInstant(), p10.get(i).asDouble());
            }
            return series;
        }

        static double acCapacityKw(JsonNode body) {
            JsonNode plant = body.has("plant") ? body.path("plant") : body;
            JsonNode capacity = firstPresent(plant, "ac_capacity_kw", "ac_capacity");
            return capacity.isMissingNode() ? Double.NaN : capacity.asDouble(Double.NaN);
        }

        private static JsonNode firstPresent(JsonNode node, String... names) {
            for (String name : names) {
                if (node.has(name)) {
                    return node.get(name);
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
