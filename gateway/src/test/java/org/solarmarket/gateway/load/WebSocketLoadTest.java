package org.solarmarket.gateway.load;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.BookUpdate;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.gateway.stream.EventStreamConsumer;
import org.solarmarket.gateway.support.Api;
import org.solarmarket.gateway.support.Kafka;
import org.solarmarket.gateway.support.WsClient;
import org.solarmarket.gateway.ws.ClientRegistry;

/**
 * A bounded load run on loopback: {@value #DEFAULT_CLIENTS} WebSocket clients stay connected while
 * {@value #DEFAULT_ORDERS} orders are posted at about {@value #DEFAULT_RATE} per second, and the
 * time from posting an order to each client receiving a {@code market_update} that includes it is
 * recorded. Sizes can be changed with {@code -Dgateway.load.clients}, {@code -Dgateway.load.orders}
 * and {@code -Dgateway.load.rate}; the figures are written to {@code target/load/ws-latency.txt}.
 *
 * <p>trading-service is not part of this module's tests, so a relay thread in the test reads each
 * command from the real {@code orders} topic and publishes the next book snapshot of that market on
 * {@code book-updates}, as the matcher would. The path measured is therefore POST /order, the
 * broker acknowledgement, the relay, the gateway's event stream, the 300 ms coalescing and the
 * WebSocket write. The run asserts delivery, not speed.
 */
@QuarkusTest
class WebSocketLoadTest {

    static final int DEFAULT_CLIENTS = 200;
    static final int DEFAULT_ORDERS = 150;
    static final int DEFAULT_RATE = 25;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EventStreamConsumer stream;

    @Inject
    ClientRegistry registry;

    @Test
    void orderToMarketUpdateLatency() throws Exception {
        int clientCount = Integer.getInteger("gateway.load.clients", DEFAULT_CLIENTS);
        int orderCount = Integer.getInteger("gateway.load.orders", DEFAULT_ORDERS);
        int rate = Integer.getInteger("gateway.load.rate", DEFAULT_RATE);
        for (int i = 0; i < 300 && !stream.isAssigned(); i++) {
            Thread.sleep(100);
        }
        String market = Api.laterMarket();
        List<String> traders = new ArrayList<>();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (int i = 0; i < 4; i++) {
            String userId = Api.newUserId("load");
            traders.add(userId);
            tokens.put(userId, Api.createWallet(userId));
        }

        Map<String, Long> sequenceByOrder = new ConcurrentHashMap<>();
        AtomicBoolean relaying = new AtomicBoolean(true);
        AtomicBoolean relayReady = new AtomicBoolean();
        Thread relay = new Thread(() -> relay(market, sequenceByOrder, relaying, relayReady), "load-relay");
        relay.start();
        for (int i = 0; i < 300 && !relayReady.get(); i++) {
            Thread.sleep(100);
        }
        assertTrue(relayReady.get(), "the relay has its partitions");

        List<WsClient> clients = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            clients.add(WsClient.connect(base.getPort()));
        }
        for (WsClient client : clients) {
            client.await("initial_state");
        }

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < orderCount; i++) {
            long due = start + i * intervalNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String userId = traders.get(i % traders.size());
            long sendNanos = System.nanoTime();
            String orderId = given().header("Authorization", Api.bearer(tokens.get(userId)))
                    .contentType("application/json")
                    .body("{\"user_id\":\"" + userId + "\",\"side\":\"" + (i % 2 == 0 ? "buy" : "sell")
                            + "\",\"price\":\"0." + (20 + i % 10) + "\",\"quantity\":\"1.5\",\"market\":\"" + market
                            + "\"}")
                    .post("/order").then().statusCode(202).extract().path("order_id");
            sentAt.put(orderId, sendNanos);
        }
        long postSeconds = (System.nanoTime() - start) / 1_000_000_000L;

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sequenceByOrder.size() < orderCount && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long lastSequence = Collections.max(sequenceByOrder.values());
        for (WsClient client : clients) {
            client.await("market_update", data -> market.equals(data.path("market").asText())
                    && data.path("sequence").asLong() >= lastSequence, Duration.ofSeconds(30));
        }
        relaying.set(false);
        relay.join(10_000);

        List<Long> latencies = new ArrayList<>();
        int updatesReceived = 0;
        for (WsClient client : clients) {
            List<long[]> updates = new ArrayList<>();
            for (WsClient.Received message : client.events("market_update")) {
                if (market.equals(message.data().path("market").asText())) {
                    updates.add(new long[] {message.data().path("sequence").asLong(), message.atNanos()});
                }
            }
            updatesReceived += updates.size();
            for (Map.Entry<String, Long> order : sentAt.entrySet()) {
                Long sequence = sequenceByOrder.get(order.getKey());
                for (long[] update : updates) {
                    if (sequence != null && update[0] >= sequence) {
                        latencies.add(update[1] - order.getValue());
                        break;
                    }
                }
            }
        }
        Map<String, Object> figures = registry.figures();
        clients.forEach(WsClient::close);

        Collections.sort(latencies);
        String report = String.format(Locale.ROOT,
                "clients=%d orders=%d rate=%d/s post_seconds=%d pairs=%d updates_received=%d%n"
                        + "order_to_market_update_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f%n"
                        + "dropped_messages=%s failed_writes=%s%n",
                clientCount, orderCount, rate, postSeconds, latencies.size(), updatesReceived,
                percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                latencies.get(latencies.size() - 1) / 1e6, figures.get("dropped_messages"), figures.get("failed_writes"));
        Files.createDirectories(Path.of("target/load"));
        Files.writeString(Path.of("target/load/ws-latency.txt"), report);
        System.out.print("[load] " + report);

        assertEquals((long) clientCount * orderCount, latencies.size(), "every client saw every order in an update");
        assertEquals(0L, figures.get("dropped_messages"), "no client fell behind far enough to drop messages");
        assertTrue(updatesReceived < (long) clientCount * orderCount, "updates were coalesced: " + updatesReceived);
    }

    private static double percentile(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Stands in for the matcher: one book snapshot per order command, in the order of the topic. */
    private static void relay(String market, Map<String, Long> sequenceByOrder, AtomicBoolean running,
                              AtomicBoolean ready) {
        AtomicLong sequence = new AtomicLong();
        try (KafkaConsumer<String, byte[]> consumer = Kafka.consumerFromStart(Topics.ORDERS);
             KafkaProducer<String, byte[]> producer = Kafka.producer()) {
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            ready.set(true);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    JsonNode command = Json.mapper().readTree(record.value());
                    if (!"place_order".equals(command.path("type").asText())
                            || !market.equals(command.path("market").asText())) {
                        continue;
                    }
                    long next = sequence.incrementAndGet();
                    BookUpdate.Level level = new BookUpdate.Level(new BigDecimal(command.path("price").asText()),
                            new BigDecimal(command.path("quantity").asText()), 1);
                    BookUpdate book = command.path("side").asText().equals("buy")
                            ? new BookUpdate(market, next, List.of(level), List.of(), null, Instant.now())
                            : new BookUpdate(market, next, List.of(), List.of(level), null, Instant.now());
                    producer.send(new ProducerRecord<>(Topics.BOOK_UPDATES, market, Json.write(book)));
                    producer.flush();
                    sequenceByOrder.put(command.path("order_id").asText(), next);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
