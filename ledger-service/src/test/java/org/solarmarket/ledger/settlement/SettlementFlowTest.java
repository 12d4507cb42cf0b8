package org.solarmarket.ledger.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.ledger.api.KafkaTestClient;
import org.solarmarket.testsupport.KafkaBrokerResource;

/** Fills in through the real broker, signed settlements mined into blocks, blocks announced. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class SettlementFlowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String createWallet(String user) {
        return given().contentType(ContentType.JSON).body(Map.of("user_id", user)).post("/wallet")
                .then().statusCode(201).extract().path("api_token");
    }

    static Fill fill(String tradeId, String buyer, String seller, String price, String quantity, long sequence) {
        return new Fill(tradeId, "2026-12-04T15:00:00Z", buyer, seller, "buy-" + tradeId, "sell-" + tradeId,
                new BigDecimal(price), new BigDecimal(quantity), Instant.parse("2026-12-04T14:30:00Z"), sequence);
    }

    static ProducerRecord<String, byte[]> record(Fill fill) {
        return new ProducerRecord<>(Topics.FILLS, fill.market(), Json.write(fill));
    }

    /** Settlement transactions of the given trades found in GET /chain/full, waiting until all are there. */
    static List<JsonNode> awaitSettlements(Set<String> tradeIds, int expected) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        List<JsonNode> found = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            found = settlementsOf(tradeIds);
            if (found.size() >= expected) {
                return found;
            }
            Thread.sleep(250);
        }
        return found;
    }

    static List<JsonNode> settlementsOf(Set<String> tradeIds) throws Exception {
        JsonNode full = Json.mapper().readTree(given().get("/chain/full").then().statusCode(200).extract().asString());
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode block : full.path("blocks")) {
            for (JsonNode tx : block.path("transactions")) {
                if (tradeIds.contains(tx.path("fill_id").asText())) {
                    found.add(tx);
                }
            }
        }
        return found;
    }

    @Test
    void fillsSettleIntoProvableBlocks() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String seller = "flow-seller-" + suffix;
        String buyer = "flow-buyer-" + suffix;
        String buyerToken = createWallet(buyer);
        createWallet(seller);
        String outsiderToken = createWallet("flow-outsider-" + suffix);
        given().contentType(ContentType.JSON).body(Map.of("participant_a", buyer, "participant_b", seller))
                .post("/quantum/channel").then().statusCode(201);

        List<Fill> fills = List.of(
                fill("t1-" + suffix, buyer, seller, "0.25", "5.000", 1),
                fill("t2-" + suffix, buyer, seller, "0.30", "2.500", 2),
                fill("t3-" + suffix, buyer, seller, "0.21", "0.001", 3));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        fills.forEach(f -> records.add(record(f)));
        records.add(record(fills.get(0)));
        records.add(record(fill("bad-" + suffix, buyer, buyer, "0.25", "1", 4)));
        KafkaTestClient.send(bootstrap(), Topics.FILLS, records);

        Set<String> tradeIds = new HashSet<>();
        fills.forEach(f -> tradeIds.add(f.tradeId()));
        tradeIds.add("bad-" + suffix);
        List<JsonNode> settlements = awaitSettlements(tradeIds, 6);
        assertEquals(6, settlements.size(), "two settlements per fill, the repeated fill and the bad one skipped");

        for (Fill fill : fills) {
            JsonNode energy = find(settlements, fill.tradeId(), "energy_kwh");
            JsonNode credits = find(settlements, fill.tradeId(), "credits");
            assertEquals(seller, energy.path("sender").asText());
            assertEquals(buyer, energy.path("recipient").asText());
            assertEquals(0, fill.quantity().compareTo(new BigDecimal(energy.path("amount").asText())));
            assertEquals(buyer, credits.path("sender").asText());
            assertEquals(0, fill.price().multiply(fill.quantity())
                    .compareTo(new BigDecimal(credits.path("amount").asText())));
            assertTrue(energy.has("payload"), "a channel exists, so the settlement carries a private payload");
        }

        given().get("/chain/full").then().statusCode(200).body("validation.valid", equalTo(true));

        // Inclusion proof, checked by a verifier that shares no code with the service.
        String txId = settlements.get(0).path("id").asText();
        JsonNode proof = Json.mapper().readTree(given().get("/chain/tx/" + txId + "/proof").then().statusCode(200)
                .extract().asString());
        List<String> path = new ArrayList<>();
        proof.path("audit_path").forEach(node -> path.add(node.asText()));
        assertTrue(org.solarmarket.ledger.api.ProofVerifier.verify(proof.path("leaf_data").asText(),
                proof.path("leaf_index").asLong(), proof.path("tree_size").asLong(), path,
                proof.path("merkle_root").asText(), proof.path("block_header").asText(),
                proof.path("block_hash").asText()));

        // The buyer reads the private payload; an outsider and an anonymous caller cannot.
        JsonNode energy = find(settlements, fills.get(0).tradeId(), "energy_kwh");
        String energyId = energy.path("id").asText();
        given().header("Authorization", "Bearer " + buyerToken).get("/chain/tx/" + energyId + "/payload")
                .then().statusCode(200)
                .body("details.trade_id", equalTo(fills.get(0).tradeId()))
                .body("details.buy_order_id", equalTo("buy-" + fills.get(0).tradeId()))
                .body("details.quantity", equalTo("5.000"));
        given().header("Authorization", "Bearer " + outsiderToken).get("/chain/tx/" + energyId + "/payload")
                .then().statusCode(403);
        given().get("/chain/tx/" + energyId + "/payload").then().statusCode(401);
        String ciphertext = energy.path("payload").path("ciphertext").asText();
        assertTrue(!ciphertext.isEmpty());
        assertTrue(!energy.toString().contains("buy-" + fills.get(0).tradeId()), "order id visible in the clear");

        // Blocks go out on the blocks topic keyed by the chain id.
        List<ConsumerRecord<String, byte[]>> announcements = KafkaTestClient.awaitRecords(bootstrap(), Topics.BLOCKS,
                r -> new String(r.value()).contains(fills.get(2).tradeId()), 1, TIMEOUT);
        assertEquals(1, announcements.size());
        assertEquals("solarmarket", announcements.get(0).key());
        JsonNode announcement = Json.mapper().readTree(announcements.get(0).value());
        assertNotNull(announcement.get("merkle_root"));
        assertTrue(announcement.path("trade_ids").toString().contains(fills.get(2).tradeId()));
    }

    @Test
    void fillWaitsForMissingWalletThenSettles() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String seller = "park-seller-" + suffix;
        String buyer = "park-buyer-" + suffix;
        createWallet(seller);
        Fill fill = fill("park-" + suffix, buyer, seller, "0.40", "1.000", 1);
        KafkaTestClient.send(bootstrap(), Topics.FILLS, List.of(record(fill)));

        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)
                && given().get("/stats").then().extract().<Integer>path("parked_fills") == 0) {
            Thread.sleep(200);
        }
        assertTrue(given().get("/stats").then().extract().<Integer>path("parked_fills") >= 1);
        createWallet(buyer);
        assertEquals(2, awaitSettlements(Set.of(fill.tradeId()), 2).size());
    }

    @Test
    void chainEndpointsAndBadIds() throws Exception {
        given().get("/chain").then().statusCode(200)
                .body("blocks.size()", org.hamcrest.Matchers.lessThanOrEqualTo(10))
                .body("blocks[0].hash", org.hamcrest.Matchers.startsWith("00"));
        // The running validation reaches the newest block within a few audit intervals.
        Instant deadline = Instant.now().plus(TIMEOUT);
        JsonNode recent = Json.mapper().readTree(given().get("/chain").asString());
        while (Instant.now().isBefore(deadline)
                && recent.path("validation").path("blocks_checked").asInt() < recent.path("length").asInt()) {
            Thread.sleep(200);
            recent = Json.mapper().readTree(given().get("/chain").asString());
        }
        assertTrue(recent.path("validation").path("valid").asBoolean(), recent.path("validation").toString());
        assertTrue(recent.path("validation").path("blocks_checked").asInt() >= recent.path("length").asInt(),
                recent.path("validation").toString());
        assertTrue(recent.path("validation").hasNonNull("checked_at"), recent.path("validation").toString());
        given().get("/chain/tx/not-a-hash/proof").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("id")).body("value", equalTo("not-a-hash"));
        given().get("/chain/tx/" + "0".repeat(64) + "/proof").then().statusCode(404).body("field", equalTo("id"));
        given().get("/chain/tx/" + "g".repeat(64)).then().statusCode(400).body("field", equalTo("id"));
        given().get("/stats").then().statusCode(200)
                .body("chain_valid", equalTo(true))
                .body("settlement_stall", org.hamcrest.Matchers.nullValue())
                .body("blocks_checked", org.hamcrest.Matchers.greaterThanOrEqualTo(
                        recent.path("validation").path("blocks_checked").asInt()))
                .body("difficulty.leading_zero_hex_digits", equalTo("2.00"))
                .body("difficulty.leading_zero_bits", equalTo(8));
    }

    private static JsonNode find(List<JsonNode> settlements, String tradeId, String asset) {
        return settlements.stream()
                .filter(tx -> tx.path("fill_id").asText().equals(tradeId) && tx.path("asset").asText().equals(asset))
                .findFirst().orElseThrow(() -> new AssertionError("no " + asset + " settlement for " + tradeId));
    }
}
