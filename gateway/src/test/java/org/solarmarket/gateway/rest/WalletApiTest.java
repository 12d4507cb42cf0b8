package org.solarmarket.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.solarmarket.gateway.support.Api.bearer;
import static org.solarmarket.gateway.support.Api.createWallet;
import static org.solarmarket.gateway.support.Api.newUserId;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WalletApiTest {

    @Test
    void createReturnsTokenAndKeys() {
        String userId = newUserId("alice");
        given().contentType("application/json").body("{\"user_id\":\"" + userId + "\"}")
                .post("/wallet")
                .then().statusCode(201)
                .body("user_id", equalTo(userId))
                .body("api_token", notNullValue())
                .body("public_keys.ed25519", notNullValue());
    }

    @Test
    void createTwicePassesLedgerConflictThrough() {
        String userId = newUserId("twice");
        createWallet(userId);
        given().contentType("application/json").body("{\"user_id\":\"" + userId + "\"}")
                .post("/wallet")
                .then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("user_id")).body("value", equalTo(userId));
    }

    @Test
    void createRejectsBadUserId() {
        given().contentType("application/json").body("{\"user_id\":\"no spaces/allowed\"}")
                .post("/wallet")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("user_id")).body("value", equalTo("no spaces/allowed"))
                .body("status", equalTo(400));
        given().contentType("application/json").body("{\"user_id\":42}")
                .post("/wallet")
                .then().statusCode(400).body("field", equalTo("user_id"));
        given().contentType("application/json").body("{\"user_id\":\"ok\",\"admin\":true}")
                .post("/wallet")
                .then().statusCode(400).body("field", equalTo("admin"));
        given().contentType("application/json").body("")
                .post("/wallet")
                .then().statusCode(400).body("field", equalTo("body"));
    }

    @Test
    void readWithoutTokenShowsPublicPartOnly() {
        String userId = newUserId("pub");
        createWallet(userId);
        given().get("/wallet/" + userId)
                .then().statusCode(200)
                .body("user_id", equalTo(userId))
                .body("public_keys.ml_dsa_65", notNullValue())
                .body("credits", nullValue())
                .body("api_token", nullValue())
                .body("view", equalTo("public"));
    }

    @Test
    void readWithOwnTokenAddsBalances() {
        String userId = newUserId("own");
        String token = createWallet(userId);
        given().header("Authorization", bearer(token)).get("/wallet/" + userId)
                .then().statusCode(200)
                .body("credits.available", equalTo("100.00"))
                .body("energy_kwh.available", equalTo("5.000"))
                .body("open_orders.size()", equalTo(0))
                .body("public_keys.ed25519", notNullValue())
                .body("view", equalTo("owner"));
    }

    @Test
    void readWithAnotherWalletsTokenIsForbidden() {
        String owner = newUserId("owner");
        createWallet(owner);
        String otherToken = createWallet(newUserId("other"));
        given().header("Authorization", bearer(otherToken)).get("/wallet/" + owner)
                .then().statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("user_id")).body("value", equalTo(owner));
    }

    @Test
    void readWithUnknownTokenIsUnauthorized() {
        String owner = newUserId("owner");
        createWallet(owner);
        given().header("Authorization", "Bearer not-a-wallet-token").get("/wallet/" + owner)
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer realm=\"solarmarket\""));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/wallet/" + owner)
                .then().statusCode(401);
    }

    @Test
    void readUnknownWalletIsNotFound() {
        given().get("/wallet/nobody-" + System.nanoTime())
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("user_id"));
        given().get("/wallet/bad%20id")
                .then().statusCode(400).body("field", equalTo("user_id"));
    }
}
