package org.solarmarket.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;

/**
 * A small HTTP server on a free loopback port that responds like forecast-service, trading-service
 * and ledger-service would, under the prefixes {@code /forecast}, {@code /trading} and
 * {@code /ledger}. It stands in for the services behind the gateway in this module's tests: wallets
 * and tokens are kept in memory, book, order and account answers are programmed by the tests.
 * The whole platform is tested end to end elsewhere, with the real services.
 */
public final class StubServices {

    public static volatile StubServices instance;

    private final HttpServer server;
    /** user_id to api_token of the wallets created so far. */
    public final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Order responses of trading-service's {@code GET /orders/{id}}, by order id. */
    public final Map<String, JsonNode> orders = new ConcurrentHashMap<>();
    /** Services that return 503 for everything, by prefix ("forecast", "trading", "ledger"). */
    public final Set<String> down = ConcurrentHashMap.newKeySet();
    /** Services that fail with 500 for everything, by prefix. */
    public final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Services that drop the connection without an answer, by prefix. */
    public final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    /** Method and path of every request received, in order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** Delay of forecast-service's {@code POST /api/solar/forecast} in milliseconds. */
    public volatile long forecastDelayMillis;
    /** Book answer of trading-service; null gives an empty book of the requested market. */
    public volatile JsonNode book;

    private StubServices(HttpServer server) {
        this.server = server;
    }

    /** Starts the server on a free loopback port. */
    public static StubServices start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            StubServices stub = new StubServices(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.start();
            instance = stub;
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the stub services", e);
        }
    }

    public void stop() {
        server.stop(0);
    }

    public String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + prefix;
    }

    public void reset() {
        orders.clear();
        down.clear();
        failing.clear();
        unreachable.clear();
        calls.clear();
        forecastDelayMillis = 0;
        book = null;
    }

    /** Returns how many requests reached {@code method path}, with the query left out. */
    public long count(String methodAndPath) {
        return calls.stream().filter(methodAndPath::equals).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            calls.add(method + " " + path);
            String[] parts = path.split("/", 3);
            String prefix = parts.length > 1 ? parts[1] : "";
            String rest = parts.length > 2 ? "/" + parts[2] : "/";
            if (unreachable.contains(prefix)) {
                return;
            }
            if (down.contains(prefix)) {
                send(exchange, 503, Map.of("status", "DOWN", "detail", "the engine is rebuilding its state"));
                return;
            }
            if (failing.contains(prefix)) {
                send(exchange, 500, Map.of("error", "boom"));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (prefix) {
                case "ledger" -> ledger(exchange, method, rest, body);
                case "trading" -> trading(exchange, method, rest, query);
                case "forecast" -> forecast(exchange, method, rest, query, body);
                default -> send(exchange, 404, problem(404, "no stub for " + path, null, null));
            }
        } catch (RuntimeException e) {
            send(exchange, 500, Map.of("error", e.toString()));
        }
    }

    private void ledger(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        if (method.equals("POST") && path.equals("/wallet")) {
            String userId = Json.mapper().readTree(body).path("user_id").asText();
            if (tokens.containsKey(userId)) {
                send(exchange, 409, problem(409, "wallet " + userId + " exists", "user_id", userId));
                return;
            }
            String token = UUID.randomUUID().toString().replace("-", "");
            tokens.put(userId, token);
            ObjectNode wallet = publicWallet(userId);
            wallet.put("api_token", token);
            send(exchange, 201, wallet);
        } else if (method.equals("POST") && path.equals("/wallet/authenticate")) {
            String token = Json.mapper().readTree(body).path("api_token").asText();
            String owner = tokens.entrySet().stream().filter(entry -> entry.getValue().equals(token))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (owner == null) {
                send(exchange, 401, problem(401, "unknown token", "api_token", null));
            } else {
                send(exchange, 200, Map.of("user_id", owner));
            }
        } else if (method.equals("GET") && path.startsWith("/wallet/")) {
            String userId = path.substring("/wallet/".length());
            if (tokens.containsKey(userId)) {
                send(exchange, 200, publicWallet(userId));
            } else {
                send(exchange, 404, problem(404, "wallet " + userId + " not found", "user_id", userId));
            }
        } else if (path.equals("/chain")) {
            send(exchange, 200, Map.of("length", 2, "blocks", List.of(block(0), block(1)),
                    "validation", Map.of("valid", true, "blocks_checked", 2, "transactions_checked", 3,
                            "checked_at", Instant.now().toString())));
        } else if (path.equals("/chain/full")) {
            send(exchange, 200, Map.of("length", 2, "blocks", List.of(block(0), block(1)),
                    "validation", Map.of("valid", true, "blocks_checked", 2, "transactions_checked", 3)));
        } else if (path.startsWith("/chain/tx/") && path.endsWith("/proof")) {
            String id = path.substring("/chain/tx/".length(), path.length() - "/proof".length());
            if (id.equals("tx-1")) {
                send(exchange, 200, Map.of("transaction_id", id, "block_index", 1, "leaf_index", 0,
                        "merkle_root", "ab".repeat(32), "path", List.of(), "valid", true));
            } else {
                send(exchange, 404, problem(404, "transaction " + id + " not found", "id", id));
            }
        } else if (method.equals("POST") && path.equals("/quantum/channel")) {
            JsonNode request = Json.mapper().readTree(body);
            if (!request.hasNonNull("participant_a") || !request.hasNonNull("participant_b")) {
                send(exchange, 400, problem(400, "invalid participant_b: the field is required", "participant_b", null));
                return;
            }
            send(exchange, 201, Map.of("channel_id", "ch-1", "participant_a", request.get("participant_a").asText(),
                    "participant_b", request.get("participant_b").asText(), "qber", "0.01", "simulated", true));
        } else if (path.equals("/quantum/participants")) {
            send(exchange, 200, Map.of("participants", List.of("alice", "bob")));
        } else if (path.equals("/stats")) {
            send(exchange, 200, Map.of("blocks", 2, "transactions", 3, "chain_valid", true));
        } else if (path.equals("/q/health/ready")) {
            send(exchange, 200, Map.of("status", "UP"));
        } else {
            send(exchange, 404, problem(404, "no ledger stub for " + path, null, null));
        }
    }

    private void trading(HttpExchange exchange, String method, String path, Map<String, String> query)
            throws IOException {
        if (path.equals("/book")) {
            JsonNode answer = book != null ? book : Json.mapper().valueToTree(Map.of("market",
                    query.getOrDefault("market", ""), "bids", List.of(), "asks", List.of()));
            send(exchange, 200, answer);
        } else if (path.equals("/book/summary")) {
            send(exchange, 200, Map.of("market", query.getOrDefault("market", ""), "best_bid", "0.20",
                    "best_ask", "0.25", "spread", "0.05", "bid_depth", "10.000", "ask_depth", "4.000",
                    "liquidity", "low"));
        } else if (path.equals("/trades")) {
            int limit = Math.min(3, Integer.parseInt(query.getOrDefault("limit", "50")));
            List<Map<String, Object>> trades = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                trades.add(Map.of("trade_id", "t-" + i, "market", query.getOrDefault("market", "2026-12-04T15:00:00Z"),
                        "price", "0.25", "quantity", "2.000", "buyer_id", "bob", "seller_id", "alice",
                        "buy_order_id", "o-b" + i, "sell_order_id", "o-s" + i));
            }
            send(exchange, 200, trades);
        } else if (path.startsWith("/orders/")) {
            JsonNode order = orders.get(path.substring("/orders/".length()));
            if (order == null) {
                send(exchange, 404, problem(404, "order not found", "order_id", path.substring(8)));
            } else {
                send(exchange, 200, order);
            }
        } else if (path.startsWith("/accounts/")) {
            String account = path.substring("/accounts/".length());
            send(exchange, 200, Map.of("account_id", account,
                    "credits", Map.of("available", "100.00", "reserved", "0.00"),
                    "energy_kwh", Map.of("available", "5.000", "reserved", "0.000"), "open_orders", List.of()));
        } else if (path.equals("/markets")) {
            // The open slots on the wall clock, nearest first, as trading-service lists them.
            MarketCalendar calendar = MarketCalendar.DEFAULT;
            Instant now = Instant.now();
            List<Map<String, Object>> markets = new ArrayList<>();
            for (Instant slot = calendar.nextOpenSlot(now); calendar.isOpen(slot, now);
                 slot = slot.plus(calendar.slotLength())) {
                markets.add(Map.of("market", MarketCalendar.marketName(slot), "orders", markets.isEmpty() ? 2 : 0));
            }
            send(exchange, 200, markets);
        } else if (path.equals("/stats")) {
            send(exchange, 200, Map.of("orders", 12, "trades", 4, "volume_kwh", "8.000"));
        } else if (path.equals("/q/health/ready")) {
            send(exchange, 200, Map.of("status", "UP"));
        } else {
            send(exchange, 404, problem(404, "no trading stub for " + path, null, null));
        }
    }

    private void forecast(HttpExchange exchange, String method, String path, Map<String, String> query, byte[] body)
            throws IOException {
        if (path.equals("/api/solar/position")) {
            if (!query.containsKey("latitude")) {
                send(exchange, 400, problem(400, "invalid latitude: the parameter is required", "latitude", null));
                return;
            }
            send(exchange, 200, Map.of("latitude", query.get("latitude"), "time", query.getOrDefault("time", ""),
                    "apparent_zenith", 50.1, "azimuth", 194.3, "elevation", 39.9));
        } else if (path.equals("/api/solar/clearsky")) {
            send(exchange, 200, Map.of("ghi", 560.2, "dni", 820.4, "dhi", 90.1,
                    "linke_turbidity", query.getOrDefault("linke_turbidity", "")));
        } else if (method.equals("POST") && path.equals("/api/solar/forecast")) {
            forecastAnswer(exchange, body);
        } else if (method.equals("POST") && path.equals("/api/solar/building-potential")) {
            JsonNode request = Json.mapper().readTree(body);
            send(exchange, 200, Map.of("roof_area_m2", request.path("roof_area_m2").asText(), "panel_count", 24,
                    "capacity_kw", "9.6", "annual_energy_kwh", "10500"));
        } else if (path.equals("/api/solar/dashboard")) {
            send(exchange, 200, Map.of(
                    "forecast", Map.of("plant", "reference", "hours", 24, "timestamps", List.of("2026-12-04T15:00:00Z"),
                            "p50_kw", List.of("1.5"), "model", Map.of("setting", "weather", "ac_capacity_kw", "5.0"),
                            "statistics", Map.of("energy_kwh", Map.of("p10", "20.1", "p50", "31.2", "p90", "38.0"),
                                    "peak_power_kw", "3.8", "capacity_factor", "0.26",
                                    "co2_avoided", Map.of("co2_avoided_kg", "13.0", "tree_years", "0.62"))),
                    "carbon", Map.of("kg_co2_per_kwh", "0.417", "daily_forecast", List.of())));
        } else if (path.equals("/api/solar/plant-info")) {
            send(exchange, 200, Map.of("capacity_kw", "5.0", "model", Map.of("trained", true)));
        } else if (path.equals("/q/health/ready")) {
            send(exchange, 200, Map.of("status", "UP"));
        } else {
            send(exchange, 404, problem(404, "no forecast stub for " + path, null, null));
        }
    }

    private void forecastAnswer(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = Json.mapper().readTree(body);
        int hours = request.path("hours").asInt(24);
        int interval = request.path("interval_minutes").asInt(15);
        if (hours < 6 || hours > 72) {
            send(exchange, 422, problem(422, "invalid hours: must be from 6 to 72", "hours", hours));
            return;
        }
        if (forecastDelayMillis > 0) {
            try {
                Thread.sleep(forecastDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode timestamps = answer.putArray("timestamps");
        ArrayNode p10 = answer.putArray("p10_kw");
        ArrayNode p50 = answer.putArray("p50_kw");
        ArrayNode p90 = answer.putArray("p90_kw");
        ArrayNode clear = answer.putArray("clear_sky_kw");
        Instant start = Instant.parse("2026-12-04T06:00:00Z");
        for (int i = 0; i < hours * 60 / interval; i++) {
            double x = Math.max(0, Math.sin(Math.PI * (i * interval / 60.0) / 12.0));
            timestamps.add(start.plusSeconds(i * interval * 60L).toString());
            p10.add(Math.round(3000 * x) / 1000.0);
            p50.add(Math.round(3800 * x) / 1000.0);
            p90.add(Math.round(4400 * x) / 1000.0);
            clear.add(Math.round(4800 * x) / 1000.0);
        }
        answer.put("request_hours", hours);
        answer.put("request_interval_minutes", interval);
        send(exchange, 200, answer);
    }

    private static ObjectNode publicWallet(String userId) {
        ObjectNode wallet = Json.mapper().createObjectNode();
        wallet.put("user_id", userId);
        ObjectNode keys = wallet.putObject("public_keys");
        keys.put("ed25519", "MCowBQYDK2VwAyEA" + userId);
        keys.put("ml_dsa_65", "ml-dsa-public-" + userId);
        return wallet;
    }

    private static Map<String, Object> block(int index) {
        return Map.of("index", index, "hash", "00" + "ab".repeat(31), "previous_hash", "00" + "cd".repeat(31),
                "nonce", 42, "transactions", List.of(Map.of("id", "tx-" + index, "sender", "alice",
                        "recipient", "bob", "amount", "0.50")));
    }

    private static Map<String, Object> problem(int status, String detail, String field, Object value) {
        Map<String, Object> problem = new HashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Rejected");
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null) {
            problem.put("field", field);
            problem.put("value", value);
        }
        return problem;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        String type = status >= 400 && body instanceof Map<?, ?> map && map.containsKey("title")
                ? "application/problem+json" : "application/json";
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
