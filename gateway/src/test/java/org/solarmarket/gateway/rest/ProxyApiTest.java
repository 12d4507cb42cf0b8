package org.solarmarket.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.solarmarket.gateway.support.Api.nextMarket;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solarmarket.gateway.support.StubServices;

/** The read and write paths that the gateway passes to trading, ledger and forecast services. */
@QuarkusTest
class ProxyApiTest {

    private StubServices stub;

    @BeforeEach
    void resetStub() {
        stub = StubServices.instance;
        stub.reset();
    }

    @Test
    void bookDefaultsToNextOpenMarket() {
        given().get("/book").then().statusCode(200).body("market", equalTo(nextMarket()));
        given().queryParam("market", "2030-01-01T10:15:00+00:00").get("/book")
                .then().statusCode(200).body("market", equalTo("2030-01-01T10:15:00Z"));
        given().queryParam("market", "2030-01-01T10:15:00").get("/book")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("market")).body("value", equalTo("2030-01-01T10:15:00"));
    }

    @Test
    void bookSummaryAndMarkets() {
        given().get("/book/summary").then().statusCode(200).body("spread", equalTo("0.05"))
                .body("market", equalTo(nextMarket()));
        given().get("/markets").then().statusCode(200).body("[0].market", equalTo(nextMarket()))
                .body("size()", equalTo(96));
    }

    @Test
    void marketDataRejectsUnknownAndRepeatedParameters() {
        given().queryParam("markte", nextMarket()).get("/trades").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("markte"));
        given().queryParam("markt", nextMarket()).get("/book").then().statusCode(400).body("field", equalTo("markt"));
        given().queryParam("limit", 1).queryParam("limit", 2).get("/trades").then().statusCode(400)
                .body("field", equalTo("limit")).body("detail", containsString("2 times"));
        given().queryParam("market", nextMarket()).get("/markets").then().statusCode(400)
                .body("field", equalTo("market"));
    }

    @Test
    void tradesValidateLimit() {
        given().queryParam("limit", 2).get("/trades").then().statusCode(200).body("size()", equalTo(2))
                .body("[0].price", equalTo("0.25"));
        given().get("/trades").then().statusCode(200).body("size()", equalTo(3))
                .body("[0].trade_id", equalTo("t-0"))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("buyer_id")))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("seller_id")))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("buy_order_id")))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("sell_order_id")));
        for (String limit : new String[] {"0", "501", "ten", "-3"}) {
            given().queryParam("limit", limit).get("/trades")
                    .then().statusCode(400).body("field", equalTo("limit")).body("value", equalTo(limit));
        }
    }

    @Test
    void failingServiceGives502() {
        stub.failing.add("trading");
        given().get("/book").then().statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("trading-service"));
        stub.failing.add("ledger");
        given().get("/chain").then().statusCode(502).body("detail", containsString("ledger-service"));
    }

    @Test
    void notReadyServiceGives503WithRetryAfter() {
        stub.down.add("trading");
        given().get("/book").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", containsString("trading-service is not ready"))
                .body("detail", containsString("rebuilding"));
    }

    @Test
    void unreachableServiceGives503WithRetryAfter() {
        stub.unreachable.add("trading");
        given().get("/book/summary").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("detail", containsString("trading-service is unavailable"));
    }

    @Test
    void chainPaths() {
        given().get("/chain").then().statusCode(200).body("blocks.size()", equalTo(2))
                .body("validation.valid", equalTo(true)).body("validation.blocks_checked", equalTo(2));
        given().get("/chain/full").then().statusCode(200).body("validation.valid", equalTo(true))
                .body("blocks[1].transactions[0].id", equalTo("tx-1"));
        given().get("/chain/tx/tx-1/proof").then().statusCode(200).body("valid", equalTo(true));
        given().get("/chain/tx/tx-9/proof").then().statusCode(404).contentType("application/problem+json")
                .body("field", equalTo("id")).body("value", equalTo("tx-9"));
        given().get("/chain/tx/a%20b/proof").then().statusCode(400).body("field", equalTo("id"));
    }

    @Test
    void quantumPaths() {
        given().contentType("application/json").body("{\"participant_a\":\"alice\",\"participant_b\":\"bob\"}")
                .post("/quantum/channel").then().statusCode(201).body("channel_id", equalTo("ch-1"));
        given().contentType("application/json").body("{\"participant_a\":\"alice\"}")
                .post("/quantum/channel").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("participant_b"));
        given().contentType("application/json").body("{\"participant_a\":\"a\",\"participant_a\":\"b\"}")
                .post("/quantum/channel").then().statusCode(400).body("field", equalTo("participant_a"));
        assertEquals(2, stub.count("POST /ledger/quantum/channel"),
                "the valid body and the one the ledger rejected reached it; the duplicate-key body did not");
        given().get("/quantum/participants").then().statusCode(200).body("participants", hasItem("bob"));
    }

    @Test
    void solarPositionPassesQueryThrough() {
        given().queryParam("latitude", "47.5").queryParam("longitude", "8.5")
                .queryParam("time", "2026-06-21T12:00:00+02:00").get("/api/solar/position")
                .then().statusCode(200).body("elevation", equalTo(39.9f))
                .body("time", equalTo("2026-06-21T12:00:00+02:00"));
        given().get("/api/solar/position").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("latitude"));
        given().queryParam("linke_turbidity", "3.1").get("/api/solar/clearsky")
                .then().statusCode(200).body("ghi", equalTo(560.2f)).body("linke_turbidity", equalTo("3.1"));
    }

    @Test
    void solarForecastAndPotential() {
        given().contentType("application/json").body("{\"hours\":6,\"interval_minutes\":30}")
                .post("/api/solar/forecast").then().statusCode(200)
                .body("timestamps.size()", equalTo(12)).body("p50_kw.size()", equalTo(12));
        given().contentType("application/json").body("{\"hours\":100}")
                .post("/api/solar/forecast").then().statusCode(422).body("field", equalTo("hours"))
                .body("value", equalTo(100));
        given().contentType("application/json").body("{\"hours\":NaN}")
                .post("/api/solar/forecast").then().statusCode(400).body("field", equalTo("body"));
        given().contentType("application/json").body("{\"roof_area_m2\":60}")
                .post("/api/solar/building-potential").then().statusCode(200).body("panel_count", equalTo(24));
        given().get("/api/solar/dashboard").then().statusCode(200)
                .body("forecast.statistics.peak_power_kw", equalTo("3.8"))
                .body("carbon.kg_co2_per_kwh", equalTo("0.417"));
        given().get("/api/solar/plant-info").then().statusCode(200).body("model.trained", equalTo(true));
        stub.failing.add("forecast");
        given().get("/api/solar/plant-info").then().statusCode(502);
    }

    @Test
    void unknownPathIsProblemJson() {
        given().get("/no/such/path").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", notNullValue());
        given().put("/book").then().statusCode(405).contentType("application/problem+json");
    }
}
