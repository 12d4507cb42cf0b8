package org.solarmarket.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.solarmarket.gateway.support.Api.createWallet;
import static org.solarmarket.gateway.support.Api.newUserId;
import static org.solarmarket.gateway.support.Api.nextMarket;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.BlockAnnouncement;
import org.solarmarket.contracts.BookUpdate;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.Topics;
import org.solarmarket.gateway.stream.EventStreamConsumer;
import org.solarmarket.gateway.support.Kafka;
import org.solarmarket.gateway.support.StubServices;
import org.solarmarket.gateway.support.WsClient;

/** The WebSocket protocol at /ws against the real broker: initial state, requests, pushes and errors. */
@QuarkusTest
class MarketSocketTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    EventStreamConsumer stream;

    @Inject
    ClientRegistry registry;

    @BeforeEach
    void waitForStream() throws InterruptedException {
        StubServices.instance.reset();
        for (int i = 0; i < 300 && !stream.isAssigned(); i++) {
            Thread.sleep(100);
        }
        assertTrue(stream.isAssigned(), "event stream consumer has its partitions");
    }

    private WsClient connect() {
        return WsClient.connect(base.getPort());
    }

    static BookUpdate book(String market, long sequence, String bidPrice) {
        return new BookUpdate(market, sequence,
                List.of(new BookUpdate.Level(new BigDecimal(bidPrice), new BigDecimal("2.000"), 1)),
                List.of(new BookUpdate.Level(new BigDecimal("0.30"), new BigDecimal("1.500"), 2)),
                new BigDecimal("0.26"), Instant.now());
    }

    @Test
    void connectSendsInitialState() {
        try (WsClient client = connect()) {
            WsClient.Received initial = client.await("initial_state");
            assertEquals("connect", client.received().get(0).event(), "the first message");
            assertEquals("initial_state", client.received().get(1).event(), "the second message");
            assertEquals(client.received().get(0).data().path("connection_id").asText(),
                    initial.data().path("connection_id").asText());
            assertEquals(nextMarket(), initial.data().path("market").asText());
            assertEquals("0.05", initial.data().path("summary").path("spread").asText());
            assertEquals(96, initial.data().path("forecast").path("timestamps").size(), "24 h in 15-min steps");
            assertEquals(0, initial.data().path("unavailable").size());
            assertTrue(initial.data().path("connection_id").asText().length() > 10);
        }
    }

    @Test
    void requestForecastAnswersThatClient() {
        try (WsClient client = connect(); WsClient bystander = connect()) {
            client.await("initial_state");
            bystander.await("initial_state");
            client.send("request_forecast", Map.of("hours", 6, "interval_minutes", 30, "request_id", "r-1"));
            WsClient.Received update = client.await("forecast_update");
            assertEquals("r-1", update.data().path("request_id").asText());
            assertEquals(12, update.data().path("forecast").path("timestamps").size());
            assertEquals(12, update.data().path("forecast").path("p90_kw").size());
            assertTrue(bystander.events("forecast_update").isEmpty(), "only the asking client gets the answer");
        }
    }

    @Test
    void badMessagesGetErrorsAndConnectionStaysOpen() {
        try (WsClient client = connect()) {
            client.await("initial_state");
            client.send("this is not json");
            client.await("error", data -> data.path("message").asText().contains("malformed"), Duration.ofSeconds(5));
            client.send("{\"event\":\"dance\",\"data\":{}}");
            client.await("error", data -> "event".equals(data.path("field").asText()), Duration.ofSeconds(5));
            client.send("request_forecast", Map.of("hours", 100, "request_id", "too-long"));
            WsClient.Received error = client.await("error", data -> "hours".equals(data.path("field").asText()),
                    Duration.ofSeconds(5));
            assertEquals("too-long", error.data().path("request_id").asText());
            client.send("request_forecast", Map.of("hourz", 24, "request_id", "typo"));
            client.await("error", data -> "hourz".equals(data.path("field").asText()), Duration.ofSeconds(5));
            client.send("{\"event\":\"ping\",\"event\":\"ping\"}");
            client.await("error", data -> data.path("message").asText().contains("duplicate"), Duration.ofSeconds(5));
            client.send("ping", Map.of("n", 7));
            assertEquals(7, client.await("pong").data().path("n").asInt(), "still open and answering");
        }
    }

    @Test
    void subscribedClientGetsOwnFillsAndOrderEvents() {
        String alice = newUserId("alice");
        String aliceToken = createWallet(alice);
        String bob = newUserId("bob");
        createWallet(bob);
        String market = nextMarket();
        try (WsClient aliceClient = connect(); WsClient bobClient = connect()) {
            aliceClient.await("initial_state");
            bobClient.await("initial_state");
            bobClient.send("subscribe", Map.of("user_id", bob, "api_token", "not-a-token"));
            bobClient.await("error", data -> "api_token".equals(data.path("field").asText())
                    && data.path("message").asText().contains("no wallet"), Duration.ofSeconds(5));
            bobClient.send("subscribe", Map.of("user_id", bob, "api_token", aliceToken));
            bobClient.await("error", data -> data.path("message").asText().contains("another wallet"),
                    Duration.ofSeconds(5));
            aliceClient.send("subscribe", Map.of("user_id", alice, "api_token", aliceToken));
            aliceClient.await("subscribed");

            Fill fill = new Fill("trade-" + alice, market, alice, "carol", "o-buy", "o-sell", new BigDecimal("0.25"),
                    new BigDecimal("2.000"), Instant.now(), 1);
            Kafka.publish(Topics.FILLS, market, fill);
            OrderEvent event = new OrderEvent("e-1", "c-1", OrderEvent.Status.FILLED, alice, "o-buy", null, market,
                    Side.BUY, new BigDecimal("0.25"), new BigDecimal("2.000"), new BigDecimal("2.000"),
                    BigDecimal.ZERO, null, null, Instant.now());
            Kafka.publish(Topics.ORDER_EVENTS, alice, event);

            WsClient.Received own = aliceClient.await("fill", data -> ("trade-" + alice).equals(
                    data.path("trade_id").asText()), Duration.ofSeconds(10));
            assertEquals("0.25", own.data().path("price").asText());
            aliceClient.await("order_update", data -> "filled".equals(data.path("status").asText()),
                    Duration.ofSeconds(10));
            // The public trade reaches everyone in the market update, without the account ids.
            WsClient.Received update = bobClient.await("market_update", data -> market.equals(data.path("market")
                    .asText()) && data.path("recent_trades").size() > 0, Duration.ofSeconds(10));
            assertFalse(update.data().path("recent_trades").get(0).has("buyer_id"), "no account ids in public trades");
            assertTrue(bobClient.events("fill").isEmpty(), "bob is not part of the trade");
            assertTrue(bobClient.events("order_update").isEmpty(), "bob sees no order events of alice");
        }
    }

    @Test
    void marketUpdatesAreCoalesced() throws Exception {
        String market = "2031-01-01T12:00:00Z";
        try (WsClient client = connect()) {
            client.await("initial_state");
            try (KafkaProducer<String, byte[]> producer = Kafka.producer()) {
                for (int sequence = 1; sequence <= 40; sequence++) {
                    producer.send(new ProducerRecord<>(Topics.BOOK_UPDATES, market,
                            Json.write(book(market, sequence, "0.2" + (sequence % 10)))));
                }
                producer.flush();
            }
            client.await("market_update", data -> data.path("sequence").asLong() == 40, Duration.ofSeconds(10));
            Thread.sleep(1_000);
            List<WsClient.Received> updates = client.events("market_update").stream()
                    .filter(message -> market.equals(message.data().path("market").asText())).toList();
            assertTrue(updates.size() <= 4, "40 book changes in a burst gave " + updates.size() + " updates");
            assertEquals(40, updates.get(updates.size() - 1).data().path("sequence").asLong(), "the last is the latest");
            assertEquals("0.30", updates.get(updates.size() - 1).data().path("asks").get(0).path("price").asText());
            int before = updates.size();
            Thread.sleep(800);
            long after = client.events("market_update").stream()
                    .filter(message -> market.equals(message.data().path("market").asText())).count();
            assertEquals(before, after, "no update while nothing changed");
        }
    }

    @Test
    void blocksReachEveryClient() {
        try (WsClient first = connect(); WsClient second = connect()) {
            first.await("initial_state");
            second.await("initial_state");
            Kafka.publish(Topics.BLOCKS, "main", new BlockAnnouncement(77, "00ab", "00cd", "ef", Instant.now(), 12,
                    List.of("tx-77"), List.of("trade-77")));
            first.await("block", data -> data.path("index").asLong() == 77, Duration.ofSeconds(10));
            second.await("block", data -> data.path("index").asLong() == 77, Duration.ofSeconds(10));
        }
    }

    @Test
    void disconnectReleasesTheSession() throws InterruptedException {
        WsClient client = connect();
        String id = client.await("initial_state").data().path("connection_id").asText();
        assertTrue(registry.session(id) != null, "the session is registered while connected");
        client.abort();
        for (int i = 0; i < 100 && registry.session(id) != null; i++) {
            Thread.sleep(50);
        }
        assertTrue(registry.session(id) == null, "the aborted connection is gone from the registry");
    }
}
