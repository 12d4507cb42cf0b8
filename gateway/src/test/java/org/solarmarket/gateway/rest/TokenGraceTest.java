package org.solarmarket.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.solarmarket.gateway.support.Api.bearer;
import static org.solarmarket.gateway.support.Api.createWallet;
import static org.solarmarket.gateway.support.Api.newUserId;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solarmarket.gateway.support.StubServices;

/** Orders keep flowing while ledger-service is unavailable, for tokens it accepted before. */
@QuarkusTest
@TestProfile(TokenGraceTest.ShortCache.class)
class TokenGraceTest {

    /** Token results expire after 200 ms, so the test reaches the grace period at once. */
    public static class ShortCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("solarmarket.gateway.token-cache-ttl", "PT0.2S");
        }
    }

    private static String order(String userId) {
        return "{\"user_id\":\"" + userId + "\",\"side\":\"buy\",\"price\":\"0.20\",\"quantity\":\"1\"}";
    }

    @AfterEach
    void ledgerBack() {
        StubServices.instance.down.remove("ledger");
    }

    @Test
    void acceptedTokenOutlivesLedgerOutage() throws Exception {
        String known = newUserId("grace");
        String knownToken = createWallet(known);
        String other = newUserId("late");
        String otherToken = createWallet(other);
        given().header("Authorization", bearer(knownToken)).contentType("application/json").body(order(known))
                .post("/order").then().statusCode(202);

        StubServices.instance.down.add("ledger");
        Thread.sleep(400);
        given().header("Authorization", bearer(knownToken)).contentType("application/json").body(order(known))
                .post("/order").then().statusCode(202);
        // A token the gateway never checked cannot be vouched for while the ledger is away.
        given().header("Authorization", bearer(otherToken)).contentType("application/json").body(order(other))
                .post("/order").then().statusCode(503).header("Retry-After", "2");
    }
}
