package org.solarmarket.ledger.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.ledger.api.KafkaTestClient;
import org.solarmarket.testsupport.BrokerProcess;

/**
 * Fills stream in through a real broker while ledger-service is killed with SIGKILL and started
 * again on the same data folder. Afterwards every fill is settled exactly once (two settlements
 * each), nothing is pending, the chain validates and every block was announced.
 */
class CrashRestartIT {

    private static final int FILLS = 40;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    private BrokerProcess broker;
    private LedgerProcess ledger;

    @AfterEach
    void stopAll() throws Exception {
        if (ledger != null) {
            ledger.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void everyFillSettledOnceAcrossKillAndRestart() throws Exception {
        broker = BrokerProcess.onFreePorts(null);
        broker.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ledger = new LedgerProcess(dataDir, broker.bootstrapServers(), Base64.getEncoder().encodeToString(key));
        ledger.start();
        assertEquals(201, ledger.post("/wallet", "{\"user_id\":\"seller\"}").statusCode());
        assertEquals(201, ledger.post("/wallet", "{\"user_id\":\"buyer\"}").statusCode());

        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < FILLS; i++) {
            fills.add(new Fill("trade-" + i, "2026-12-04T15:00:00Z", "buyer", "seller", "b" + i, "s" + i,
                    new BigDecimal("0.25"), new BigDecimal(i + 1 + ".000"), Instant.parse("2026-12-04T14:00:00Z")
                    .plusSeconds(i), i));
        }

        // First half, then kill while the second half is still streaming in.
        send(fills.subList(0, FILLS / 2));
        awaitStat("blocks", 3);
        Thread producer = new Thread(() -> {
            for (Fill fill : fills.subList(FILLS / 2, FILLS)) {
                send(List.of(fill));
                sleep(40);
            }
        });
        producer.start();
        sleep(150);
        int settledAtKill = Json.mapper().readTree(ledger.get("/stats").body()).path("settled_fills").asInt();
        ledger.kill();
        producer.join();
        assertTrue(settledAtKill < FILLS, "the kill came before every fill was settled (" + settledAtKill + ")");

        ledger.start();
        Map<String, List<String>> legsByTrade = awaitAllSettled(fills);
        for (Fill fill : fills) {
            List<String> legs = legsByTrade.get(fill.tradeId());
            assertEquals(2, legs.size(), "settlements of " + fill.tradeId() + ": " + legs);
            assertTrue(legs.contains("energy_kwh"), fill.tradeId() + ": " + legs);
            assertTrue(legs.contains("credits"), fill.tradeId() + ": " + legs);
        }

        JsonNode full = Json.mapper().readTree(ledger.get("/chain/full").body());
        assertTrue(full.path("validation").path("valid").asBoolean(), full.path("validation").toString());
        JsonNode stats = Json.mapper().readTree(ledger.get("/stats").body());
        assertEquals(0, stats.path("pending_transactions").asInt());
        assertEquals(FILLS, stats.path("settled_fills").asInt());

        Set<String> announced = new HashSet<>();
        long lastIndex = full.path("length").asLong() - 1;
        List<ConsumerRecord<String, byte[]>> announcements = KafkaTestClient.awaitRecords(broker.bootstrapServers(),
                Topics.BLOCKS, record -> true, Integer.MAX_VALUE, Duration.ofSeconds(5));
        Set<Long> announcedIndexes = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : announcements) {
            JsonNode announcement = Json.mapper().readTree(record.value());
            announcedIndexes.add(announcement.path("index").asLong());
            announcement.path("trade_ids").forEach(id -> announced.add(id.asText()));
        }
        for (long index = 0; index <= lastIndex; index++) {
            assertTrue(announcedIndexes.contains(index), "block " + index + " announced");
        }
        assertEquals(FILLS, announced.size());
    }

    private Map<String, List<String>> awaitAllSettled(List<Fill> fills) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Map<String, List<String>> legs = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            legs.clear();
            JsonNode full = Json.mapper().readTree(ledger.get("/chain/full").body());
            for (JsonNode block : full.path("blocks")) {
                for (JsonNode tx : block.path("transactions")) {
                    if (tx.hasNonNull("fill_id")) {
                        legs.computeIfAbsent(tx.path("fill_id").asText(), id -> new ArrayList<>())
                                .add(tx.path("asset").asText());
                    }
                }
            }
            int settledTransactions = legs.values().stream().mapToInt(List::size).sum();
            if (settledTransactions >= 2 * fills.size()) {
                sleep(1000);
                return legs;
            }
            sleep(300);
        }
        return legs;
    }

    private void awaitStat(String field, int atLeast) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Json.mapper().readTree(ledger.get("/stats").body()).path(field).asInt() >= atLeast) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError(field + " did not reach " + atLeast);
    }

    private void send(List<Fill> fills) {
        List<ProducerRecord<String, byte[]>> records = fills.stream()
                .map(fill -> new ProducerRecord<String, byte[]>(Topics.FILLS, fill.market(), Json.write(fill)))
                .toList();
        KafkaTestClient.send(broker.bootstrapServers(), Topics.FILLS, records);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
