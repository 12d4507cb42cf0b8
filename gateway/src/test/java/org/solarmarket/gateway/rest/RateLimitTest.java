package org.solarmarket.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rate limits per token and per address, with limits small enough to reach in a test. */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    /** Three requests per token and ten per address, refilling at one every 20 seconds. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "solarmarket.gateway.rate-limit.per-token.rate", "0.05",
                    "solarmarket.gateway.rate-limit.per-token.burst", "3",
                    "solarmarket.gateway.rate-limit.per-address.rate", "0.05",
                    "solarmarket.gateway.rate-limit.per-address.burst", "10");
        }
    }

    /** One permit refills in 20 s, so the wait is a whole number of seconds from 1 to 20. */
    private static org.hamcrest.Matcher<String> retryAfterWithin20s() {
        return org.hamcrest.Matchers.matchesPattern("([1-9]|1[0-9]|20)");
    }

    @Test
    void tokenThenAddressLimitsGive429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer token-a").get("/book").then().statusCode(200);
        }
        given().header("Authorization", "Bearer token-a").get("/book")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", retryAfterWithin20s())
                .body("status", equalTo(429))
                .body("detail", containsString("token"));
        // Another token from the same address still has its own budget.
        given().header("Authorization", "Bearer token-b").get("/book").then().statusCode(200);
        // Five permits of the address are left: the sixth request without a token is over.
        for (int i = 0; i < 5; i++) {
            given().get("/book").then().statusCode(200);
        }
        given().get("/book")
                .then().statusCode(429).header("Retry-After", retryAfterWithin20s())
                .body("detail", containsString("address"));
        // Static files are not rate limited.
        given().get("/css/app.css").then().statusCode(200);
    }
}
