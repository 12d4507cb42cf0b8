package org.solarmarket.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;

/**
 * One trade through the whole platform, driven only through the gateway. It covers wallets,
 * deposits, crossing orders, the fill on the WebSocket and the balances. Then the settlement must
 * sit in a mined block with an inclusion proof that the test checks alone, the chain must be valid
 * and the statistics must agree. Forecasts must come from the model trained for this run.
 */
class MarketFlowTest {

    private static Platform platform;
    private static GatewayApi api;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path workDir = Platform.newWorkDir();
        ModelTrainer.trainSmallModels(workDir.resolve("models"), workDir.resolve("train.log"));
        platform = Platform.start(workDir, Map.of());
        api = new GatewayApi(platform.gatewayUrl(), platform.workDir().resolve("gateway"));
    }

    @Test
    void forecastComesFromTheTrainedModel() throws Exception {
        GatewayApi.Reply reply = api.post("/api/solar/forecast", null, Map.of("hours", 24, "interval_minutes", 15,
                "start_time", "2012-06-20T06:00:00-06:00"));
        assertEquals(200, reply.status(), reply.text());
        JsonNode forecast = reply.body();
        String setting = forecast.path("model").path("setting").asText();
        JsonNode metadata = Json.mapper().readTree(
                platform.workDir().resolve("models/system50/" + setting + "-metadata.json").toFile());
        assertEquals(Instant.parse(metadata.path("trained_at").asText()),
                Instant.parse(forecast.path("model").path("trained_at").asText()), reply.text());
        assertEquals(96, forecast.path("timestamps").size(), reply.text());
        double peak = 0;
        for (int i = 0; i < forecast.path("timestamps").size(); i++) {
            double p10 = forecast.path("p10_kw").get(i).asDouble();
            double p50 = forecast.path("p50_kw").get(i).asDouble();
            double p90 = forecast.path("p90_kw").get(i).asDouble();
            assertTrue(p10 >= 0, "P10 at row " + i + ": " + p10);
            assertTrue(p10 <= p50, "P10 above P50 at row " + i);
            assertTrue(p50 <= p90, "P50 above P90 at row " + i);
            peak = Math.max(peak, p50);
        }
        assertTrue(peak > 0.5, "a June day peaks well above zero: P50 peak " + peak + " kW");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void tradeIsFilledSettledAndProven() {
        String sellerToken = api.createWallet("flow-seller");
        String buyerToken = api.createWallet("flow-buyer");
        api.credit("flow-seller", sellerToken, "energy_kwh", "10.000");
        api.credit("flow-buyer", buyerToken, "credits", "100.00");
        String market = MarketCalendar.marketName(MarketCalendar.DEFAULT.nextOpenSlot(Instant.now())
                .plus(Duration.ofHours(1)));

        JsonNode fill;
        try (EventSocket socket = new EventSocket(platform.gatewayWebSocketUrl())) {
            socket.send("{\"event\": \"subscribe\", \"data\": {\"user_id\": \"flow-buyer\", \"api_token\": \""
                    + buyerToken + "\"}}");
            socket.await(m -> "subscribed".equals(m.path("event").asText()), Duration.ofSeconds(10), "subscribed");

            String sellId = api.placeOrder("flow-seller", sellerToken, "sell", "0.20", "2.000", market, null);
            String buyId = api.placeOrder("flow-buyer", buyerToken, "buy", "0.25", "1.500", market, null);
            fill = socket.await(m -> "fill".equals(m.path("event").asText())
                    && buyId.equals(m.path("data").path("buy_order_id").asText()),
                    Duration.ofSeconds(30), "fill of order " + buyId).path("data");
            assertEquals(sellId, fill.path("sell_order_id").asText());
        }
        assertEquals(0, new BigDecimal("0.20").compareTo(new BigDecimal(fill.path("price").asText())),
                "pay-as-offer trades at the ask: " + fill);
        assertEquals(0, new BigDecimal("1.500").compareTo(new BigDecimal(fill.path("quantity").asText())),
                fill.toString());
        String tradeId = fill.path("trade_id").asText();

        GatewayApi.Reply trades = api.get("/trades?market=" + market + "&limit=10", null);
        assertEquals(200, trades.status(), trades.text());
        assertTrue(trades.text().contains("1.5"), trades.text());

        assertBalance("flow-seller", sellerToken, "energy_kwh", "8.000", "0.500");
        assertBalance("flow-seller", sellerToken, "credits", "0.30", "0");
        assertBalance("flow-buyer", buyerToken, "energy_kwh", "1.500", "0");
        assertBalance("flow-buyer", buyerToken, "credits", "99.70", "0");

        List<JsonNode> legs = awaitSettlement(tradeId, Duration.ofSeconds(60));
        assertEquals(2, legs.size(), "an energy and a credits leg for trade " + tradeId);
        for (JsonNode leg : legs) {
            GatewayApi.Reply proof = api.get("/chain/tx/" + leg.path("id").asText() + "/proof", null);
            assertEquals(200, proof.status(), proof.text());
            assertNull(InclusionProofVerifier.verify(proof.body()), proof.text());
        }

        GatewayApi.Reply chain = api.get("/chain/full", null);
        assertEquals(200, chain.status(), chain.text());
        assertTrue(chain.body().path("validation").path("valid").asBoolean(), chain.text());

        GatewayApi.Reply stats = api.get("/stats", null);
        assertEquals(200, stats.status(), stats.text());
        assertTrue(stats.body().path("trading").path("trades").asLong() >= 1, stats.text());
        assertTrue(stats.body().path("ledger").path("settled_fills").asLong() >= 1, stats.text());
        assertEquals(chain.body().path("length").asLong(), stats.body().path("ledger").path("blocks").asLong(),
                stats.text());
    }

    private static void assertBalance(String userId, String token, String asset, String available, String reserved) {
        Instant deadline = Instant.now().plusSeconds(20);
        BigDecimal expectedAvailable = new BigDecimal(available);
        while (Instant.now().isBefore(deadline)
                && api.availableBalance(userId, token, asset).compareTo(expectedAvailable) != 0) {
            GatewayApi.sleep(200);
        }
        assertEquals(0, expectedAvailable.compareTo(api.availableBalance(userId, token, asset)),
                userId + " available " + asset);
        assertEquals(0, new BigDecimal(reserved).compareTo(api.reservedBalance(userId, token, asset)),
                userId + " reserved " + asset);
    }

    /** Waits until the trade's settlement transactions are in mined blocks and returns them. */
    static List<JsonNode> awaitSettlement(String tradeId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> legs = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            legs = ChainScan.transactionsOfFill(api.get("/chain/full", null).body(), tradeId);
            if (legs.size() >= 2) {
                return legs;
            }
            GatewayApi.sleep(500);
        }
        return legs;
    }
}
