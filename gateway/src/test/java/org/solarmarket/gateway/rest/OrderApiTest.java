package org.solarmarket.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.solarmarket.gateway.support.Api.bearer;
import static org.solarmarket.gateway.support.Api.createWallet;
import static org.solarmarket.gateway.support.Api.newUserId;
import static org.solarmarket.gateway.support.Api.nextMarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.Topics;
import org.solarmarket.gateway.support.Kafka;
import org.solarmarket.gateway.support.StubServices;

@QuarkusTest
class OrderApiTest {

    private String userId;
    private String token;

    @BeforeEach
    void createOwner() {
        StubServices.instance.reset();
        userId = newUserId("seller");
        token = createWallet(userId);
    }

    private String order(String user, String extra) {
        return "{\"user_id\":\"" + user + "\",\"side\":\"sell\",\"price\":\"0.25\",\"quantity\":2.5" + extra + "}";
    }

    @Test
    void placeWritesCommandToOrdersTopic() {
        String orderId = given().header("Authorization", bearer(token)).contentType("application/json")
                .body(order(userId, ",\"client_order_id\":\"c-1\",\"time_in_force\":\"ioc\""))
                .post("/order")
                .then().statusCode(202)
                .body("market", equalTo(nextMarket()))
                .body("status", equalTo("pending"))
                .body("client_order_id", equalTo("c-1"))
                .body("order_id", notNullValue())
                .extract().path("order_id");
        List<Kafka.Keyed> commands = Kafka.read(Topics.ORDERS,
                command -> orderId.equals(command.path("order_id").asText()), 1, Duration.ofSeconds(10));
        assertEquals(1, commands.size(), "one place_order command on the topic");
        JsonNode command = commands.get(0).value();
        assertEquals(nextMarket(), commands.get(0).key(), "record key is the market");
        assertEquals("place_order", command.path("type").asText());
        assertEquals(userId, command.path("account_id").asText());
        assertEquals("sell", command.path("side").asText());
        assertEquals(new BigDecimal("0.25"), new BigDecimal(command.path("price").asText()));
        assertEquals(new BigDecimal("2.5"), new BigDecimal(command.path("quantity").asText()));
        assertEquals("IOC", command.path("time_in_force").asText());
        assertEquals("c-1", command.path("client_order_id").asText());
    }

    @Test
    void retryWithClientOrderIdKeepsOrderId() {
        String first = given().header("Authorization", bearer(token)).contentType("application/json")
                .body(order(userId, ",\"client_order_id\":\"retry-1\"")).post("/order")
                .then().statusCode(202).extract().path("order_id");
        String retry = given().header("Authorization", bearer(token)).contentType("application/json")
                .body(order(userId, ",\"client_order_id\":\"retry-1\"")).post("/order")
                .then().statusCode(202).extract().path("order_id");
        String other = given().header("Authorization", bearer(token)).contentType("application/json")
                .body(order(userId, ",\"client_order_id\":\"retry-2\"")).post("/order")
                .then().statusCode(202).extract().path("order_id");
        String plain = given().header("Authorization", bearer(token)).contentType("application/json")
                .body(order(userId, "")).post("/order")
                .then().statusCode(202).extract().path("order_id");
        assertEquals(first, retry, "a retry names the order of the first attempt");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, other);
        org.junit.jupiter.api.Assertions.assertNotEquals(first, plain);
    }

    @Test
    void placeWithoutTokenIsUnauthorized() {
        given().contentType("application/json").body(order(userId, ""))
                .post("/order")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("field", equalTo("Authorization"));
        given().header("Authorization", "Bearer wrong-token").contentType("application/json").body(order(userId, ""))
                .post("/order")
                .then().statusCode(401);
    }

    @Test
    void placeForAnotherWalletIsForbidden() {
        String victim = newUserId("victim");
        createWallet(victim);
        given().header("Authorization", bearer(token)).contentType("application/json").body(order(victim, ""))
                .post("/order")
                .then().statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("user_id")).body("value", equalTo(victim));
    }

    @Test
    void placeRejectsInvalidFieldsNamingThem() {
        Map<String, String> cases = Map.of(
                "{\"user_id\":\"%s\",\"side\":\"hold\",\"price\":\"0.25\",\"quantity\":1}", "side",
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":\"-0.25\",\"quantity\":1}", "price",
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":\"abc\",\"quantity\":1}", "price",
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":0.2,\"quantity\":0}", "quantity",
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":0.2,\"quantity\":1,\"market\":\"2026-12-04T15:07:00Z\"}", "market",
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":0.2,\"quantity\":1,\"market\":\"2026-12-04T15:00:00\"}", "market",
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":0.2,\"quantity\":1,\"time_in_force\":\"DAY\"}", "time_in_force",
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":0.2,\"quantity\":1,\"colour\":\"red\"}", "colour",
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"quantity\":1}", "price");
        cases.forEach((template, field) -> given().header("Authorization", bearer(token))
                .contentType("application/json").body(template.formatted(userId))
                .post("/order")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field))
                .body("detail", containsString(field)));
    }

    @Test
    void placeRejectsOffTickAmounts() {
        Map<String, String[]> cases = Map.of(
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":0.255,\"quantity\":1}",
                new String[] {"price", "0.255", "tick 0.01 credits per kWh"},
                "{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":\"0.2\",\"quantity\":\"1.0005\"}",
                new String[] {"quantity", "1.0005", "tick 0.001 kWh"},
                "{\"user_id\":\"%s\",\"side\":\"sell\",\"price\":10000.01,\"quantity\":1}",
                new String[] {"price", "10000.01", "at most 10000 credits per kWh"},
                "{\"user_id\":\"%s\",\"side\":\"sell\",\"price\":0.2,\"quantity\":1000000.001}",
                new String[] {"quantity", "1000000.001", "at most 1000000 kWh"});
        cases.forEach((template, expected) -> given().header("Authorization", bearer(token))
                .contentType("application/json").body(template.formatted(userId))
                .post("/order")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(expected[0]))
                .body("value", equalTo(expected[1]))
                .body("detail", containsString(expected[2])));
        // Trailing zeros keep a value on its tick.
        given().header("Authorization", bearer(token)).contentType("application/json")
                .body("{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":\"0.2500\",\"quantity\":\"1.500000\"}"
                        .formatted(userId))
                .post("/order")
                .then().statusCode(202);
    }

    @Test
    void placeRejectsClosedMarkets() {
        MarketCalendar calendar = MarketCalendar.DEFAULT;
        Instant next = calendar.nextOpenSlot(Instant.now());
        String closed = MarketCalendar.marketName(next.minus(calendar.slotLength()));
        String tooFar = MarketCalendar.marketName(next.plus(calendar.openHorizon()));
        for (String market : List.of(closed, tooFar)) {
            given().header("Authorization", bearer(token)).contentType("application/json")
                    .body("{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":0.2,\"quantity\":1,\"market\":\"%s\"}"
                            .formatted(userId, market))
                    .post("/order")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("field", equalTo("market"))
                    .body("value", equalTo(market))
                    .body("detail", containsString("not open for trading"));
        }
        String last = MarketCalendar.marketName(next.plus(calendar.openHorizon()).minus(calendar.slotLength()));
        given().header("Authorization", bearer(token)).contentType("application/json")
                .body("{\"user_id\":\"%s\",\"side\":\"buy\",\"price\":0.2,\"quantity\":1,\"market\":\"%s\"}"
                        .formatted(userId, last))
                .post("/order")
                .then().statusCode(202).body("market", equalTo(last));
    }

    @Test
    void statusPassesTradingAnswerThrough() {
        StubServices.instance.orders.put("o-1", Json.mapper().valueToTree(Map.of("order_id", "o-1",
                "account_id", userId, "status", "partially_filled", "filled_quantity", "1.000")));
        given().get("/order/o-1")
                .then().statusCode(200).body("status", equalTo("partially_filled"))
                .body("filled_quantity", equalTo("1.000"));
        given().get("/order/o-missing")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("order_id"));
        given().get("/order/bad%20id")
                .then().statusCode(400).body("field", equalTo("order_id"));
    }

    @Test
    void cancelOwnOrderPublishesCancel() {
        String market = nextMarket();
        StubServices.instance.orders.put("o-own", Json.mapper().valueToTree(Map.of("order_id", "o-own",
                "account_id", userId, "market", market, "status", "accepted")));
        given().header("Authorization", bearer(token)).delete("/order/o-own")
                .then().statusCode(202).body("status", equalTo("cancel_requested")).body("market", equalTo(market));
        List<Kafka.Keyed> commands = Kafka.read(Topics.ORDERS,
                command -> "cancel_order".equals(command.path("type").asText())
                        && "o-own".equals(command.path("order_id").asText()), 1, Duration.ofSeconds(10));
        assertEquals(1, commands.size());
        assertEquals(market, commands.get(0).key());
        assertEquals(userId, commands.get(0).value().path("account_id").asText());
    }

    @Test
    void cancelRules() {
        String other = newUserId("other");
        String otherToken = createWallet(other);
        StubServices.instance.orders.put("o-a", Json.mapper().valueToTree(Map.of("order_id", "o-a",
                "account_id", userId, "market", nextMarket(), "status", "accepted")));
        StubServices.instance.orders.put("o-done", Json.mapper().valueToTree(Map.of("order_id", "o-done",
                "account_id", userId, "market", nextMarket(), "status", "filled")));
        given().delete("/order/o-a").then().statusCode(401);
        given().header("Authorization", bearer(otherToken)).delete("/order/o-a")
                .then().statusCode(403).body("field", equalTo("order_id"));
        given().header("Authorization", bearer(token)).delete("/order/o-done")
                .then().statusCode(409).body("detail", containsString("filled"));
        given().header("Authorization", bearer(token)).delete("/order/o-unknown")
                .then().statusCode(404).body("field", equalTo("order_id"));
        given().header("Authorization", bearer(token)).queryParam("market", nextMarket()).delete("/order/o-unknown")
                .then().statusCode(202);
        given().header("Authorization", bearer(token)).queryParam("market", "tomorrow").delete("/order/o-unknown")
                .then().statusCode(400).body("field", equalTo("market"));
    }
}
