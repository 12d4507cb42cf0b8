package org.solarmarket.ledger.quantum;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solarmarket.testsupport.KafkaBrokerResource;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class QuantumApiTest {

    private String alice;
    private String bob;

    @BeforeEach
    void createParticipants() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = "qa-alice-" + suffix;
        bob = "qa-bob-" + suffix;
        for (String user : new String[] {alice, bob}) {
            given().contentType(ContentType.JSON).body(Map.of("user_id", user)).post("/wallet").then().statusCode(201);
        }
    }

    private static Response requestChannel(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/quantum/channel");
    }

    private Map<String, Object> channel(Object... extra) {
        Map<String, Object> body = new HashMap<>(Map.of("participant_a", alice, "participant_b", bob));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    @Test
    void cleanChannelGivesBothSidesSameKey() {
        requestChannel(channel()).then().statusCode(201)
                .body("secure", equalTo(true))
                .body("status", equalTo("established"))
                .body("channel_id", not(nullValue()))
                .body("simulation_notice", containsString("simulation"))
                .body("bb84.error_rate", equalTo("0.0000"))
                .body("bb84.key_bits", equalTo(256))
                .body("bb84.keys_agree", equalTo(true))
                .body("key_exchange.kem", containsString("ML-KEM-768"))
                .body("key_exchange.kem_ciphertext_bytes", equalTo(1088))
                .body("key_exchange.key_agreement", containsString("X25519"))
                .body("key_exchange.kdf", containsString("HKDF-SHA256"))
                .body("key_exchange.cipher", equalTo("AES-256-GCM"))
                .body("key_confirmation.match", equalTo(true));
        Response response = requestChannel(channel("key_length", 512));
        assertEquals((String) response.path("key_confirmation.participant_a"),
                response.path("key_confirmation.participant_b"));
        assertEquals(Integer.valueOf(512), response.path("bb84.key_bits"));
    }

    @Test
    void eavesdropperIsDetectedAndRefused() {
        Response response = requestChannel(channel("eavesdropper", true, "key_length", 1024));
        response.then().statusCode(422).contentType("application/problem+json")
                .body("secure", equalTo(false))
                .body("status", equalTo(422))
                .body("outcome", equalTo("refused"))
                .body("detail", containsString("eavesdropper"))
                .body("simulation_notice", containsString("simulation"))
                .body("bb84.eavesdropper", equalTo(true))
                .body("channel_id", nullValue());
        BigDecimal errorRate = new BigDecimal((String) response.path("bb84.error_rate"));
        assertTrue(errorRate.compareTo(new BigDecimal("0.18")) > 0, "error rate " + errorRate);
        assertTrue(errorRate.compareTo(new BigDecimal("0.32")) < 0, "error rate " + errorRate);
    }

    @Test
    void badRequestsNameTheField() {
        requestChannel(Map.of("participant_a", "unknown-" + alice, "participant_b", bob)).then().statusCode(404)
                .contentType("application/problem+json").body("field", equalTo("participant_a"));
        requestChannel(Map.of("participant_a", alice, "participant_b", "unknown-" + bob)).then().statusCode(404)
                .body("field", equalTo("participant_b"));
        requestChannel(Map.of("participant_a", alice, "participant_b", alice)).then().statusCode(400)
                .body("field", equalTo("participant_b"));
        requestChannel(channel("key_length", 0)).then().statusCode(400).body("field", equalTo("key_length"))
                .body("value", equalTo(0));
        requestChannel(channel("key_length", 100_000)).then().statusCode(400).body("field", equalTo("key_length"));
        requestChannel(channel("noise", 0.7)).then().statusCode(400).body("field", equalTo("noise"));
        requestChannel(channel("noise", -0.1)).then().statusCode(400).body("field", equalTo("noise"));
        requestChannel(Map.of("participant_b", bob)).then().statusCode(400).body("field", equalTo("participant_a"));
        requestChannel(channel("key_length", "many")).then().statusCode(400).body("field", equalTo("key_length"));
    }

    @Test
    void everyWalletIsParticipant() {
        given().get("/quantum/participants").then().statusCode(200)
                .body("user_id", hasItems(alice, bob))
                .body("find { it.user_id == '" + alice + "' }.ml_kem_768", not(nullValue()));
    }
}
