package org.solarmarket.trading.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.Topics;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.testsupport.KafkaBrokerResource;

/** The HTTP API of a running service whose engine reads commands from a real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class TradingApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private void send(TradingCommand... commands) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (TradingCommand command : commands) {
                producer.send(new ProducerRecord<>(Topics.ORDERS, command.partitionKey(), Json.write(command)));
            }
        }
    }

    private static Response await(Supplier<Response> request, java.util.function.Predicate<Response> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Response response = request.get();
        while (!done.test(response) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            response = request.get();
        }
        return response;
    }

    @Test
    void tradeShowsInEveryView() {
        Instant now = Instant.now();
        String market = MarketCalendar.marketName(MarketCalendar.DEFAULT.nextOpenSlot(now).plus(Duration.ofHours(3)));
        send(new TradingCommand.OpenAccount("api-open-a", "api-alice", now),
                new TradingCommand.OpenAccount("api-open-b", "api-bob", now),
                new TradingCommand.Credit("api-energy", "api-alice", now, Asset.ENERGY_KWH, new BigDecimal("10"), "m"),
                new TradingCommand.Credit("api-credits", "api-bob", now, Asset.CREDITS, new BigDecimal("10"), "d"),
                new TradingCommand.PlaceOrder("api-sell", "api-alice", now, "api-s1", null, market, Side.SELL,
                        OrderType.LIMIT, new BigDecimal("0.30"), new BigDecimal("5"), null, null),
                new TradingCommand.PlaceOrder("api-buy", "api-bob", now, "api-b1", null, market, Side.BUY,
                        OrderType.LIMIT, new BigDecimal("0.35"), new BigDecimal("2"), null, null));

        Response trades = await(() -> given().queryParam("market", market).get("/trades"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("$").size() == 1);
        trades.then().statusCode(200)
                .body("[0].price", equalTo("0.30"))
                .body("[0].quantity", equalTo("2.000"))
                .body("[0].buy_order_id", equalTo("api-b1"))
                .body("[0].sell_order_id", equalTo("api-s1"));

        given().queryParam("market", market).queryParam("include_orders", true).get("/book").then()
                .statusCode(200)
                .body("market", equalTo(market))
                .body("bids", hasSize(0))
                .body("asks", hasSize(1))
                .body("asks[0].price", equalTo("0.30"))
                .body("asks[0].quantity", equalTo("3.000"))
                .body("asks[0].orders", equalTo(1))
                .body("asks[0].entries[0].order_id", equalTo("api-s1"));

        given().queryParam("market", market).get("/book/summary").then().statusCode(200)
                .body("best_ask", equalTo("0.30"))
                .body("last_price", equalTo("0.30"))
                .body("volume", equalTo("2.000"))
                .body("orders", equalTo(1))
                .body("liquid", equalTo(false));

        given().get("/orders/api-s1").then().statusCode(200)
                .body("status", equalTo("partially_filled"))
                .body("filled", equalTo("2.000"))
                .body("remaining", equalTo("3.000"));

        given().get("/accounts/api-bob").then().statusCode(200)
                .body("energy_kwh.available", equalTo("2.000"))
                .body("credits.available", equalTo("9.40000"))
                .body("credits.reserved", equalTo("0.00000"))
                .body("open_orders", hasSize(0));
        given().get("/accounts/api-alice").then().statusCode(200)
                .body("energy_kwh.reserved", equalTo("3.000"))
                .body("open_orders[0].order_id", equalTo("api-s1"));

        given().get("/q/health/ready").then().statusCode(200);
        Response stats = given().get("/stats");
        stats.then().statusCode(200);
        assertEquals(64, stats.jsonPath().getString("state_digest").length());
    }

    @Test
    void tradesWithoutMarketCoverAllMarkets() {
        Instant now = Instant.now();
        Instant slot = MarketCalendar.DEFAULT.nextOpenSlot(now);
        String early = MarketCalendar.marketName(slot.plus(Duration.ofHours(4)));
        String late = MarketCalendar.marketName(slot.plus(Duration.ofHours(5)));
        send(new TradingCommand.OpenAccount("all-open-a", "all-alice", now),
                new TradingCommand.OpenAccount("all-open-b", "all-bob", now),
                new TradingCommand.Credit("all-energy", "all-alice", now, Asset.ENERGY_KWH, new BigDecimal("10"), "m"),
                new TradingCommand.Credit("all-credits", "all-bob", now, Asset.CREDITS, new BigDecimal("10"), "d"),
                new TradingCommand.PlaceOrder("all-sell-1", "all-alice", now, "all-s1", null, late, Side.SELL,
                        OrderType.LIMIT, new BigDecimal("0.20"), new BigDecimal("1"), null, null),
                new TradingCommand.PlaceOrder("all-buy-1", "all-bob", now, "all-b1", null, late, Side.BUY,
                        OrderType.LIMIT, new BigDecimal("0.20"), new BigDecimal("1"), null, null),
                new TradingCommand.PlaceOrder("all-sell-2", "all-alice", now, "all-s2", null, early, Side.SELL,
                        OrderType.LIMIT, new BigDecimal("0.21"), new BigDecimal("1"), null, null),
                new TradingCommand.PlaceOrder("all-buy-2", "all-bob", now, "all-b2", null, early, Side.BUY,
                        OrderType.LIMIT, new BigDecimal("0.21"), new BigDecimal("1"), null, null));

        Response all = await(() -> given().queryParam("limit", 500).get("/trades"), r -> r.statusCode() == 200
                && r.jsonPath().getList("market").containsAll(List.of(early, late)));
        List<String> markets = all.jsonPath().getList("market");
        List<String> times = all.jsonPath().getList("executed_at");
        org.junit.jupiter.api.Assertions.assertTrue(markets.containsAll(List.of(early, late)), markets.toString());
        for (int i = 1; i < times.size(); i++) {
            org.junit.jupiter.api.Assertions.assertFalse(Instant.parse(times.get(i)).isAfter(
                    Instant.parse(times.get(i - 1))), "newest first: " + times);
        }
        given().queryParam("limit", 1).get("/trades").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void openApiSchemasAreSnakeCase() {
        Response openapi = given().queryParam("format", "json").get("/q/openapi");
        openapi.then().statusCode(200);
        Map<String, Object> order = openapi.jsonPath().getMap("components.schemas.OrderStatus.properties");
        org.junit.jupiter.api.Assertions.assertTrue(order.containsKey("order_id"), order.keySet().toString());
        org.junit.jupiter.api.Assertions.assertTrue(order.containsKey("time_in_force"), order.keySet().toString());
        org.junit.jupiter.api.Assertions.assertFalse(order.containsKey("orderId"), order.keySet().toString());
    }

    @Test
    void marketDefaultsToNextOpenSlot() {
        String next = MarketCalendar.marketName(MarketCalendar.DEFAULT.nextOpenSlot(Instant.now()));
        Response book = await(() -> given().get("/book"), r -> r.statusCode() == 200);
        String market = book.jsonPath().getString("market");
        // The slot may roll over between the two clock readings.
        String later = MarketCalendar.marketName(MarketCalendar.DEFAULT.nextOpenSlot(Instant.now()));
        org.junit.jupiter.api.Assertions.assertTrue(market.equals(next) || market.equals(later), market);

        Response markets = given().get("/markets");
        markets.then().statusCode(200);
        assertEquals(96, markets.jsonPath().getList("$").size());
    }

    @Test
    void marketPastRetentionAnswersNotFound() {
        Instant now = Instant.now();
        send(new TradingCommand.OpenAccount("api-open-retention", "api-retention", now));
        // The engine judges the retention by the time of its last input, so wait until it has applied one.
        await(() -> given().get("/accounts/api-retention"), r -> r.statusCode() == 200).then().statusCode(200);
        String old = MarketCalendar.marketName(MarketCalendar.DEFAULT.slotStartOf(now).minus(Duration.ofDays(2)));

        for (String path : new String[] {"/trades", "/book/summary"}) {
            given().queryParam("market", old).get(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("field", equalTo("market"))
                    .body("value", equalTo(old))
                    .body("detail", containsString("closed more than PT24H ago"));
        }
        given().queryParam("market", old).get("/book").then()
                .statusCode(200)
                .body("bids", hasSize(0))
                .body("asks", hasSize(0));
        given().get("/orders/api-removed").then()
                .statusCode(404)
                .body("field", equalTo("order_id"))
                .body("detail", containsString("removed because its market closed more than PT24H ago"));
    }

    @Test
    void errorsAreProblemDocuments() {
        await(() -> given().get("/stats"), r -> r.statusCode() == 200);
        given().queryParam("market", "2026-12-04T15:07:00Z").get("/book").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo("market"))
                .body("value", equalTo("2026-12-04T15:07:00Z"));
        given().queryParam("limit", "0").get("/trades").then()
                .statusCode(400)
                .body("field", equalTo("limit"))
                .body("value", equalTo("0"));
        given().get("/orders/nope").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("field", equalTo("order_id"))
                .body("value", equalTo("nope"));
        given().get("/accounts/nobody").then().statusCode(404).body("field", equalTo("account_id"));
    }
}
