package org.solarmarket.ledger.wallet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.ledger.api.KafkaTestClient;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.testsupport.KafkaBrokerResource;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class WalletApiTest {

    static String uniqueUser(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response createWallet(String userId) {
        return given().contentType(ContentType.JSON).body(Map.of("user_id", userId)).post("/wallet");
    }

    @Test
    void createReturnsTokenAndFourPublicKeys() {
        String user = uniqueUser("alice");
        Response response = createWallet(user);
        response.then().statusCode(201)
                .body("user_id", equalTo(user))
                .body("api_token", not(nullValue()))
                .body("created_at", not(nullValue()));
        // DER SubjectPublicKeyInfo sizes: 12-byte prefix plus the raw key for the curves, FIPS 203/204 keys.
        Map<KeyAlgorithm, Integer> spkiBytes = Map.of(KeyAlgorithm.ED25519, 44, KeyAlgorithm.X25519, 44,
                KeyAlgorithm.ML_DSA_65, 1974, KeyAlgorithm.ML_KEM_768, 1206);
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            byte[] encoded = Base64.getDecoder().decode((String) response.path("public_keys." + algorithm.wireName()));
            assertEquals(spkiBytes.get(algorithm), encoded.length, algorithm.standardName());
            assertEquals(encoded.length, algorithm.decodePublic(encoded).getEncoded().length, algorithm.standardName());
        }
        String body = response.asString();
        assertFalse(body.contains("private"), body);
        assertFalse(body.contains("sealed"), body);
    }

    @Test
    void publicInfoHasNoSecrets() {
        String user = uniqueUser("bob");
        String token = createWallet(user).path("api_token");
        Response info = given().get("/wallet/" + user);
        info.then().statusCode(200).body("user_id", equalTo(user)).body("api_token", nullValue())
                .body("public_keys.ml_dsa_65", not(nullValue()));
        assertFalse(info.asString().contains(token));
        assertFalse(info.asString().contains("token"));
    }

    @Test
    void secondWalletForSameUserIsConflict() {
        String user = uniqueUser("carol");
        createWallet(user).then().statusCode(201);
        createWallet(user).then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("user_id")).body("value", equalTo(user)).body("status", equalTo(409));
    }

    @Test
    void idDifferingOnlyInCaseIsConflict() {
        String user = uniqueUser("dave");
        createWallet(user).then().statusCode(201);
        String shouted = user.toUpperCase(java.util.Locale.ROOT);
        createWallet(shouted).then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("user_id")).body("value", equalTo(shouted))
                .body("detail", org.hamcrest.Matchers.containsString("only in letter case from the existing wallet "
                        + user));
        given().get("/wallet/" + shouted).then().statusCode(404);
    }

    @Test
    void invalidUserIdsAreRejectedNamingField() {
        for (String bad : List.of("", "has space", "a".repeat(65), "ledger:coinbase", "ünï", "x/y")) {
            createWallet(bad).then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo("user_id")).body("value", equalTo(bad));
        }
        given().contentType(ContentType.JSON).body("{}").post("/wallet").then().statusCode(400)
                .body("field", equalTo("user_id"));
        given().contentType(ContentType.JSON).body("{\"user_id\": ").post("/wallet").then().statusCode(400)
                .contentType("application/problem+json");
        createWallet("a".repeat(64)).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409)));
    }

    @Test
    void unknownWalletIsNotFound() {
        given().get("/wallet/" + uniqueUser("nobody")).then().statusCode(404).body("field", equalTo("user_id"));
        given().get("/wallet/bad%20id").then().statusCode(400).body("field", equalTo("user_id"));
    }

    @Test
    void tokenAuthenticatesOnlyItsUser() {
        String user = uniqueUser("dave");
        String token = createWallet(user).path("api_token");
        given().contentType(ContentType.JSON).body(Map.of("api_token", token)).post("/wallet/authenticate")
                .then().statusCode(200).body("user_id", equalTo(user));

        String wrongSecret = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (String bad : List.of(wrongSecret, "garbage", "x.y", token + "x")) {
            given().contentType(ContentType.JSON).body(Map.of("api_token", bad)).post("/wallet/authenticate")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{}").post("/wallet/authenticate").then().statusCode(400)
                .body("field", equalTo("api_token"));
    }

    @Test
    void creationOpensTradingAccountThroughOrdersTopic() throws Exception {
        String user = uniqueUser("erin");
        createWallet(user).then().statusCode(201);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.awaitRecords(bootstrap, Topics.ORDERS,
                record -> user.equals(record.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        JsonNode command = Json.mapper().readTree(records.get(0).value());
        assertEquals("open_account", command.path("type").asText());
        assertEquals(user, command.path("account_id").asText());
        assertEquals("open-account-" + user, command.path("command_id").asText());
        assertTrue(command.hasNonNull("issued_at"));
    }
}
