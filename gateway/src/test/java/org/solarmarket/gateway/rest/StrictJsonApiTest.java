package org.solarmarket.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.solarmarket.gateway.support.Api.bearer;
import static org.solarmarket.gateway.support.Api.createWallet;
import static org.solarmarket.gateway.support.Api.newUserId;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Topics;
import org.solarmarket.gateway.support.Kafka;

/**
 * Strict parsing of request bodies at the API: duplicate keys, non-finite numbers, numbers of
 * absurd length or exponent, and oversized bodies are rejected before anything acts on them.
 */
@QuarkusTest
class StrictJsonApiTest {

    private String userId;
    private String token;

    @BeforeEach
    void createOwner() {
        userId = newUserId("strict");
        token = createWallet(userId);
    }

    private io.restassured.response.ValidatableResponse post(String body) {
        return given().header("Authorization", bearer(token)).contentType("application/json").body(body)
                .post("/order").then();
    }

    /** A repeated key is an error; the last value must not silently win (Elasticsearch issue 19614). */
    @Test
    void duplicateKeyIsRejectedAndNoOrderCreated() {
        post("{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":5,\"quantity\":500,\"price\":0.25}")
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("duplicate field quantity"))
                .body("field", equalTo("quantity"));
        // A valid order afterwards shows the topic is read; the rejected one must not be on it.
        post("{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":1,\"price\":0.25}").statusCode(202);
        var commands = Kafka.read(Topics.ORDERS, command -> userId.equals(command.path("account_id").asText()), 2,
                Duration.ofSeconds(5));
        assertTrue(commands.size() == 1, "only the valid order reached the topic: " + commands);
        assertTrue(commands.get(0).value().path("quantity").asText().equals("1"), "the valid order's quantity");
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        for (String value : new String[] {"NaN", "Infinity", "-Infinity", "+1"}) {
            post("{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":1,\"price\":" + value + "}")
                    .statusCode(400).contentType("application/problem+json").body("field", equalTo("body"))
                    .body("detail", org.hamcrest.Matchers.not(containsString("JsonReadFeature")))
                    .body("detail", containsString("column"));
        }
        for (String value : new String[] {"\"NaN\"", "\"Infinity\""}) {
            post("{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":1,\"price\":" + value + "}")
                    .statusCode(400).body("field", equalTo("price"));
        }
    }

    /**
     * Numbers whose conversion could hang a CPU (jackson-databind issue 2141) are range-checked
     * first; each rejection must come back at once.
     */
    @Test
    void hugeNumbersAreRejectedQuickly() {
        String[] bodies = {
            "{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":1,\"price\":1e1000000000}",
            "{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":1,\"price\":\"1e1000000000\"}",
            "{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":1,\"price\":0.2,\"timestamp\":10000000e100000000}",
            "{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"price\":0.2,\"quantity\":" + "9".repeat(1200) + "}",
            "{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"price\":0.2,\"quantity\":" + "9".repeat(900) + "}",
            "{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"price\":0.2,\"quantity\":1e-1000000000}",
        };
        // Warm up the path once so that the timing below measures the check, not class loading.
        post(bodies[0]).statusCode(400);
        for (String body : bodies) {
            long start = System.nanoTime();
            post(body).statusCode(400).contentType("application/problem+json");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1_000, "rejected in " + millis + " ms: " + body.substring(0, 60));
        }
        post(bodies[0]).body("field", equalTo("price"));
        post(bodies[2]).body("field", equalTo("timestamp"));
        post(bodies[3]).body("detail", containsString("a number has more than 1000 characters"))
                .body("detail", org.hamcrest.Matchers.not(containsString("StreamReadConstraints")));
    }

    @Test
    void oversizedBodyIsRejectedWith413() {
        String padding = "x".repeat(70_000);
        post("{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":1,\"price\":0.2,\"note\":\"" + padding + "\"}")
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void bodyOverHttpLimitIsProblemDocument() {
        String padding = "x".repeat(1_000_000);
        post("{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":1,\"price\":0.2,\"note\":\"" + padding + "\"}")
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("field", equalTo("body"));
    }

    @Test
    void trailingTokensAndNonObjectsAreRejected() {
        post("{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"quantity\":1,\"price\":0.2} {}")
                .statusCode(400).body("field", equalTo("body"));
        post("[1,2]").statusCode(400).body("field", equalTo("body"));
        post("{\"user_id\":").statusCode(400).body("detail", containsString("malformed JSON"));
    }
}
