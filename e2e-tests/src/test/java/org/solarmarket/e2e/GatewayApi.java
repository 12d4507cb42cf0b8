package org.solarmarket.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.solarmarket.contracts.Json;

/** The gateway's public REST API as the end-to-end tests call it. */
final class GatewayApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Path gatewayDataDir;

    GatewayApi(String baseUrl, Path gatewayDataDir) {
        this.baseUrl = baseUrl;
        this.gatewayDataDir = gatewayDataDir;
    }

    /** An HTTP exchange: status and body parsed as JSON (an empty object when the body is empty). */
    record Reply(int status, JsonNode body, String text) {
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    Reply post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    Reply delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Creates a wallet and returns its API token. */
    String createWallet(String userId) {
        Reply reply = post("/wallet", null, Map.of("user_id", userId));
        assertEquals(201, reply.status(), reply.text());
        return reply.body().path("api_token").asText();
    }

    /** Credits an account with the operator token and waits until the balance shows it. */
    void credit(String userId, String token, String asset, String amount) {
        Reply reply = post("/admin/credit", operatorToken(), Map.of("user_id", userId, "asset", asset,
                "amount", amount));
        if (reply.status() / 100 != 2) {
            throw new AssertionError("credit of " + amount + " " + asset + " to " + userId + " failed: " + reply.text());
        }
        BigDecimal expected = new BigDecimal(amount);
        awaitBalance(userId, token, asset, b -> b.compareTo(expected) >= 0, Duration.ofSeconds(30));
    }

    /** Places a limit order and returns its order id. */
    String placeOrder(String userId, String token, String side, String price, String quantity, String market,
                      String clientOrderId) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("user_id", userId);
        order.put("side", side);
        order.put("price", price);
        order.put("quantity", quantity);
        order.put("market", market);
        if (clientOrderId != null) {
            order.put("client_order_id", clientOrderId);
        }
        Reply reply = post("/order", token, order);
        assertEquals(202, reply.status(), reply.text());
        return reply.body().path("order_id").asText();
    }

    /** The available plus reserved amount of one asset in an account. */
    BigDecimal totalBalance(String userId, String token, String asset) {
        JsonNode balance = balanceNode(userId, token, asset);
        return new BigDecimal(balance.path("available").asText("0"))
                .add(new BigDecimal(balance.path("reserved").asText("0")));
    }

    BigDecimal availableBalance(String userId, String token, String asset) {
        return new BigDecimal(balanceNode(userId, token, asset).path("available").asText("0"));
    }

    BigDecimal reservedBalance(String userId, String token, String asset) {
        return new BigDecimal(balanceNode(userId, token, asset).path("reserved").asText("0"));
    }

    void awaitBalance(String userId, String token, String asset, Predicate<BigDecimal> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        BigDecimal last = null;
        while (Instant.now().isBefore(deadline)) {
            last = availableBalance(userId, token, asset);
            if (condition.test(last)) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("balance " + asset + " of " + userId + " is " + last + " after " + timeout.toSeconds()
                + " s");
    }

    String operatorToken() {
        try {
            return Files.readString(gatewayDataDir.resolve("operator-token"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new AssertionError("the gateway wrote no operator token into " + gatewayDataDir, e);
        }
    }

    private JsonNode balanceNode(String userId, String token, String asset) {
        Reply reply = get("/wallet/" + userId, token);
        assertEquals(200, reply.status(), reply.text());
        JsonNode body = reply.body();
        JsonNode balances = body.has("balances") ? body.path("balances") : body;
        JsonNode node = balances.path(asset);
        if (node.isMissingNode()) {
            throw new AssertionError("no " + asset + " balance in " + reply.text());
        }
        return node;
    }

    private Reply send(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? Json.mapper().createObjectNode()
                    : Json.mapper().readTree(text);
            return new Reply(response.statusCode(), json, text);
        } catch (IOException e) {
            return new Reply(0, Json.mapper().createObjectNode(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during " + method + " " + path, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
