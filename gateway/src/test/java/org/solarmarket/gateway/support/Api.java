package org.solarmarket.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import org.solarmarket.contracts.MarketCalendar;

/** Calls that many tests share. */
public final class Api {

    private Api() {
    }

    /** Returns a user id that no other test uses. */
    public static String newUserId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a wallet through the gateway and returns its api_token. */
    public static String createWallet(String userId) {
        return given().contentType("application/json").body("{\"user_id\":\"" + userId + "\"}")
                .post("/wallet").then().statusCode(201).extract().path("api_token");
    }

    /** The market that an order without {@code market} goes to now. */
    public static String nextMarket() {
        return MarketCalendar.marketName(MarketCalendar.DEFAULT.nextOpenSlot(java.time.Instant.now()));
    }

    /**
     * Returns the second open slot. It stays open for at least one slot length, so a test that
     * places orders in it is not cut short when the nearest slot closes.
     */
    public static String laterMarket() {
        MarketCalendar calendar = MarketCalendar.DEFAULT;
        return MarketCalendar.marketName(calendar.nextOpenSlot(java.time.Instant.now()).plus(calendar.slotLength()));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
