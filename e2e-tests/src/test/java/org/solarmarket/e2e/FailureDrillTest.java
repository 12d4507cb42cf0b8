package org.solarmarket.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.Topics;

/**
 * Failure drills under a stream of orders: SIGKILL of trading-service, SIGKILL of ledger-service,
 * and a stop and restart of the broker. After each, every accepted order traded exactly once, no
 * fill is missing or repeated, every fill is settled exactly once on a valid chain, and the
 * accounts still hold every kWh and credit deposited.
 */
class FailureDrillTest {

    private static final int PAIRS = 4;
    private static final int ORDERS_PER_SIDE = 40;
    private static final String QUANTITY = "0.500";
    private static final String PRICE = "0.20";

    private static Platform platform;
    private static GatewayApi api;
    private static int drills;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start();
        api = new GatewayApi(platform.gatewayUrl(), platform.workDir().resolve("gateway"));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void tradingKilledMidStream() {
        ServiceProcess trading = platform.service(Platform.TRADING);
        runDrill("kill-trading", trading::kill, trading::start);
    }

    @Test
    void ledgerKilledMidStream() {
        ServiceProcess ledger = platform.service(Platform.LEDGER);
        runDrill("kill-ledger", ledger::kill, ledger::start);
    }

    @Test
    void brokerRestartedMidStream() {
        runDrill("restart-broker", () -> platform.broker().stop(), () -> {
            GatewayApi.sleep(3000);
            platform.broker().start();
        });
    }

    private void runDrill(String name, Runnable disrupt, Runnable recover) {
        int drill = ++drills;
        String market = MarketCalendar.marketName(MarketCalendar.DEFAULT.nextOpenSlot(Instant.now())
                .plus(Duration.ofHours(2)).plus(Duration.ofMinutes(15L * drill)));
        List<String[]> sellers = new ArrayList<>();
        List<String[]> buyers = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String seller = name + "-s" + i;
            String buyer = name + "-b" + i;
            sellers.add(new String[] {seller, api.createWallet(seller)});
            buyers.add(new String[] {buyer, api.createWallet(buyer)});
        }
        for (int i = 0; i < PAIRS; i++) {
            api.credit(sellers.get(i)[0], sellers.get(i)[1], "energy_kwh", "100.000");
            api.credit(buyers.get(i)[0], buyers.get(i)[1], "credits", "100.00");
        }

        CompletableFuture<Void> recovery = null;
        for (int k = 0; k < ORDERS_PER_SIDE; k++) {
            if (k == ORDERS_PER_SIDE / 3) {
                disrupt.run();
                recovery = CompletableFuture.runAsync(recover);
            }
            String[] seller = sellers.get(k % PAIRS);
            String[] buyer = buyers.get(k % PAIRS);
            placeWithRetry(seller, "sell", market, name + "-sell-" + k);
            placeWithRetry(buyer, "buy", market, name + "-buy-" + k);
        }
        recovery.join();

        Map<String, JsonNode> fills = awaitFills(market, ORDERS_PER_SIDE, Duration.ofSeconds(120));
        assertEquals(ORDERS_PER_SIDE, fills.size(), name + ": distinct fills in " + market);
        BigDecimal traded = fills.values().stream().map(f -> new BigDecimal(f.path("quantity").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal(QUANTITY).multiply(BigDecimal.valueOf(ORDERS_PER_SIDE)).compareTo(traded),
                name + ": traded kWh");

        BigDecimal energy = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (List<String[]> side : List.of(sellers, buyers)) {
            for (String[] wallet : side) {
                energy = energy.add(api.totalBalance(wallet[0], wallet[1], "energy_kwh"));
                credits = credits.add(api.totalBalance(wallet[0], wallet[1], "credits"));
            }
        }
        assertEquals(0, new BigDecimal("400.000").compareTo(energy), name + ": kWh in the drill's accounts");
        assertEquals(0, new BigDecimal("400.00").compareTo(credits), name + ": credits in the drill's accounts");

        Map<String, Integer> legs = awaitSettlement(fills.keySet(), Duration.ofSeconds(120));
        for (String tradeId : fills.keySet()) {
            assertEquals(2, legs.getOrDefault(tradeId, 0), name + ": settlement legs of " + tradeId);
        }
        GatewayApi.Reply chain = api.get("/chain/full", null);
        assertTrue(chain.body().path("validation").path("valid").asBoolean(), name + ": " + chain.text());
    }

    /** Places an order, retrying with the same client order id while the platform is unavailable. */
    private static void placeWithRetry(String[] wallet, String side, String market, String clientOrderId) {
        Instant deadline = Instant.now().plusSeconds(120);
        GatewayApi.Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> order = Map.of("user_id", wallet[0], "side", side, "price", PRICE, "quantity",
                    QUANTITY, "market", market, "client_order_id", clientOrderId);
            last = api.post("/order", wallet[1], order);
            if (last.status() == 202) {
                return;
            }
            if (last.status() != 0 && last.status() < 500) {
                throw new AssertionError("order " + clientOrderId + " was rejected: " + last.text());
            }
            GatewayApi.sleep(500);
        }
        throw new AssertionError("order " + clientOrderId + " was not accepted within 120 s: " + last.text());
    }

    /** Reads committed fills of one market from the fills topic, keyed by trade id. */
    private static Map<String, JsonNode> awaitFills(String market, int expected, Duration timeout) {
        Map<String, JsonNode> fills = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-drill-" + market);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.FILLS));
            Instant deadline = Instant.now().plus(timeout);
            Instant settleUntil = null;
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode fill = readTree(record.value());
                    if (market.equals(fill.path("market").asText())
                            && fills.put(fill.path("trade_id").asText(), fill) != null) {
                        duplicates.add(fill.path("trade_id").asText());
                    }
                }
                if (fills.size() >= expected && settleUntil == null) {
                    // Keep reading a little longer so that a repeated fill would show up.
                    settleUntil = Instant.now().plusSeconds(3);
                }
                if (settleUntil != null && Instant.now().isAfter(settleUntil)) {
                    break;
                }
            }
        }
        assertTrue(duplicates.isEmpty(), "fills published twice: " + duplicates);
        return fills;
    }

    private static Map<String, Integer> awaitSettlement(java.util.Set<String> tradeIds, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Integer> legs = Map.of();
        while (Instant.now().isBefore(deadline)) {
            legs = ChainScan.legsByFill(api.get("/chain/full", null).body());
            Map<String, Integer> current = legs;
            if (tradeIds.stream().allMatch(id -> current.getOrDefault(id, 0) >= 2)) {
                return legs;
            }
            GatewayApi.sleep(1000);
        }
        return legs;
    }

    private static JsonNode readTree(byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            throw new AssertionError("unreadable record on " + Topics.FILLS, e);
        }
    }
}
