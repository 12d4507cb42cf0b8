package org.solarmarket.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;

/**
 * The order path through real processes: gateway, broker and trading-service, with the outcome
 * arriving on the gateway's WebSocket.
 */
class OrderPathTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void healthReportsEveryServiceUp() throws Exception {
        HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode services = Json.mapper().readTree(response.body()).path("services");
        for (String name : List.of("gateway", "forecast-service", "trading-service", "ledger-service")) {
            assertEquals("UP", services.path(name).asText(), name + " in " + response.body());
        }
    }

    @Test
    void orderOutcomeArrivesOnWebSocket() throws Exception {
        String token = createWallet("alice");
        try (EventSocket socket = new EventSocket(platform.gatewayWebSocketUrl())) {
            socket.await(m -> "connect".equals(m.path("event").asText()), Duration.ofSeconds(10), "connect");
            socket.send("{\"event\": \"subscribe\", \"data\": {\"user_id\": \"alice\", \"api_token\": \"" + token
                    + "\"}}");
            socket.await(m -> "subscribed".equals(m.path("event").asText()), Duration.ofSeconds(10), "subscribed");

            HttpResponse<String> response = post("/order", token,
                    "{\"user_id\": \"alice\", \"side\": \"sell\", \"price\": \"0.21\", \"quantity\": 1.5}");
            assertEquals(202, response.statusCode(), response.body());
            JsonNode accepted = Json.mapper().readTree(response.body());
            String orderId = accepted.path("order_id").asText();
            assertTrue(accepted.path("market").asText().endsWith("Z"), response.body());

            JsonNode update = socket.await(m -> "order_update".equals(m.path("event").asText())
                    && orderId.equals(m.path("data").path("order_id").asText()),
                    Duration.ofSeconds(30), "order_update for " + orderId);
            assertEquals("alice", update.path("data").path("account_id").asText());
            assertEquals(accepted.path("market").asText(), update.path("data").path("market").asText());

            // alice holds no energy, so the sell is rejected; its status stays readable over REST.
            assertEquals("rejected", update.path("data").path("status").asText(), update.toString());
            HttpResponse<String> status = get("/order/" + orderId);
            assertEquals(200, status.statusCode(), status.body());
            JsonNode order = Json.mapper().readTree(status.body());
            assertEquals("rejected", order.path("status").asText(), status.body());
            assertEquals(update.path("data").path("reason_code").asText(), order.path("reason_code").asText(),
                    status.body());
        }
    }

    @Test
    void badOrdersAreRejectedAndNeverWritten() throws Exception {
        String token = createWallet("bob");
        Map<TopicPartition, Long> before = endOffsets();
        record Case(String body, String field, String value) {
        }
        List<Case> cases = List.of(
                new Case("{\"user_id\": \"bob\", \"side\": \"buy\", \"price\": 0.2,", "body", null),
                new Case("{\"side\": \"buy\", \"price\": \"0.20\", \"quantity\": \"1\"}", "user_id", null),
                new Case("{\"user_id\": \"bob\", \"side\": \"buy\", \"price\": \"0.20\", \"quantity\": \"-3\"}",
                        "quantity", "-3"),
                new Case("{\"user_id\": \"bob\", \"side\": \"hold\", \"price\": \"0.20\", \"quantity\": \"1\"}",
                        "side", "hold"));
        for (Case c : cases) {
            HttpResponse<String> response = post("/order", token, c.body());
            assertEquals(400, response.statusCode(), c.body() + " -> " + response.body());
            assertEquals("application/problem+json",
                    response.headers().firstValue("content-type").orElse(""), c.body());
            JsonNode problem = Json.mapper().readTree(response.body());
            assertEquals(c.field(), problem.path("field").asText(), response.body());
            if (c.value() != null) {
                assertEquals(c.value(), problem.path("value").asText(), response.body());
            }
        }

        HttpResponse<String> marker = post("/order", token,
                "{\"user_id\": \"bob\", \"side\": \"buy\", \"price\": \"0.20\", \"quantity\": \"1\"}");
        assertEquals(202, marker.statusCode(), marker.body());
        String markerId = Json.mapper().readTree(marker.body()).path("order_id").asText();

        List<String> written = ordersWrittenSince(before, markerId);
        assertEquals(List.of(markerId), written, "only the valid order may reach the orders topic");
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .collect(Collectors.toList());
            return consumer.endOffsets(partitions);
        }
    }

    /** Reads the order ids written since {@code from}, until the marker order shows up. */
    private static List<String> ordersWrittenSince(Map<TopicPartition, Long> from, String markerId) {
        List<String> orderIds = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.currentTimeMillis() + 20_000;
            while (!orderIds.contains(markerId) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode command = readTree(record.value());
                    if ("bob".equals(command.path("account_id").asText())) {
                        orderIds.add(command.path("order_id").asText());
                    }
                }
            }
        }
        return orderIds;
    }

    private static JsonNode readTree(byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            throw new AssertionError("unreadable record on " + Topics.ORDERS, e);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String createWallet(String userId) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/wallet", null, "{\"user_id\": \"" + userId + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body()).path("api_token").asText();
    }

    private static HttpResponse<String> post(String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
