package org.solarmarket.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.solarmarket.gateway.support.Api.bearer;
import static org.solarmarket.gateway.support.Api.createWallet;
import static org.solarmarket.gateway.support.Api.newUserId;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.gateway.support.Kafka;
import org.solarmarket.gateway.support.StubServices;

/** Platform-wide paths: statistics, health, operator credits, OpenAPI and CORS. */
@QuarkusTest
class PlatformApiTest {

    private static final Path TOKEN_FILE = Path.of("target/gateway-data/operator-token");

    @BeforeEach
    void resetStub() {
        StubServices.instance.reset();
    }

    private static String operatorToken() throws IOException {
        return Files.readString(TOKEN_FILE).trim();
    }

    @Test
    void statsMergesEveryService() {
        given().get("/stats").then().statusCode(200)
                .body("trading.trades", equalTo(4))
                .body("ledger.chain_valid", equalTo(true))
                .body("forecast.'energy_kwh.p50'", equalTo("31.2"))
                .body("forecast.'co2_avoided.co2_avoided_kg'", equalTo("13.0"))
                .body("forecast.peak_power_kw", equalTo("3.8"))
                .body("forecast.'model.setting'", equalTo("weather"))
                .body("forecast.plant", equalTo("reference"))
                .body("forecast.timestamps", nullValue())
                .body("forecast.p50_kw", nullValue())
                .body("gateway.websocket_clients", notNullValue())
                .body("unavailable.size()", equalTo(0));
    }

    @Test
    void statsListsUnavailableServices() {
        StubServices.instance.down.add("ledger");
        given().get("/stats").then().statusCode(200)
                .body("ledger", nullValue())
                .body("trading.orders", equalTo(12))
                .body("unavailable", hasItem("ledger-service"));
    }

    @Test
    void healthAggregatesServices() {
        given().get("/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("services.'trading-service'", equalTo("UP"));
        StubServices.instance.down.add("trading");
        given().get("/health").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("services.'trading-service'", equalTo("DOWN"))
                .body("services.'ledger-service'", equalTo("UP"));
    }

    @Test
    void operatorTokenFileIsOwnerOnly() throws IOException {
        assertTrue(Files.isRegularFile(TOKEN_FILE), "token file created on start");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(TOKEN_FILE)));
        assertTrue(operatorToken().length() >= 40, "32 random bytes, base64url-encoded");
    }

    @Test
    void adminCreditPublishesCreditCommand() throws IOException {
        String userId = newUserId("prosumer");
        String commandId = given().header("Authorization", bearer(operatorToken())).contentType("application/json")
                .body("{\"user_id\":\"" + userId + "\",\"asset\":\"energy_kwh\",\"amount\":\"12.345\"}")
                .post("/admin/credit")
                .then().statusCode(202).body("status", equalTo("pending")).body("amount", equalTo("12.345"))
                .extract().path("command_id");
        List<Kafka.Keyed> commands = Kafka.read(Topics.ORDERS,
                command -> commandId.equals(command.path("command_id").asText()), 1, Duration.ofSeconds(10));
        assertEquals(1, commands.size());
        assertEquals(userId, commands.get(0).key(), "account commands are keyed by account");
        assertEquals("credit", commands.get(0).value().path("type").asText());
        assertEquals("energy_kwh", commands.get(0).value().path("asset").asText());
        assertEquals("12.345", commands.get(0).value().path("amount").asText());
    }

    @Test
    void adminCreditTokenRules() throws IOException {
        String body = "{\"user_id\":\"someone\",\"asset\":\"credits\",\"amount\":10}";
        given().contentType("application/json").body(body).post("/admin/credit")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + operatorToken() + "x").contentType("application/json").body(body)
                .post("/admin/credit").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        String walletToken = createWallet(newUserId("notop"));
        given().header("Authorization", bearer(walletToken)).contentType("application/json").body(body)
                .post("/admin/credit").then().statusCode(403).body("detail", containsString("wallet"));
    }

    @Test
    void adminCreditValidatesFields() throws IOException {
        String token = operatorToken();
        String[][] cases = {
            {"{\"user_id\":\"u1\",\"asset\":\"gold\",\"amount\":1}", "asset"},
            {"{\"user_id\":\"u1\",\"asset\":\"credits\",\"amount\":\"1.005\"}", "amount"},
            {"{\"user_id\":\"u1\",\"asset\":\"energy_kwh\",\"amount\":0.0001}", "amount"},
            {"{\"user_id\":\"u1\",\"asset\":\"credits\",\"amount\":-5}", "amount"},
            {"{\"user_id\":\"u1\",\"asset\":\"credits\"}", "amount"},
            {"{\"user_id\":\"u 1\",\"asset\":\"credits\",\"amount\":1}", "user_id"},
            {"{\"user_id\":\"u1\",\"asset\":\"credits\",\"amount\":1,\"to\":\"x\"}", "to"},
        };
        for (String[] testCase : cases) {
            given().header("Authorization", bearer(token)).contentType("application/json").body(testCase[0])
                    .post("/admin/credit").then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(testCase[1]));
        }
    }

    @Test
    void openApiListsPublicPaths() {
        String openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        for (String path : new String[] {"/wallet", "/wallet/{user_id}", "/order", "/order/{order_id}", "/book",
            "/book/summary", "/trades", "/chain", "/chain/full", "/chain/tx/{id}/proof", "/quantum/channel",
            "/quantum/participants", "/stats", "/health", "/admin/credit", "/api/solar/forecast",
            "/api/solar/position", "/api/solar/clearsky", "/api/solar/building-potential",
            "/api/solar/dashboard", "/api/solar/plant-info"}) {
            assertTrue(openapi.contains("\"" + path + "\""), "OpenAPI lists " + path);
        }
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void openApiDescribesRequestBodies() throws IOException {
        JsonNode openapi = Json.mapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        Map<String, String> bodies = Map.of("/order", "OrderRequest", "/wallet", "WalletRequest",
                "/admin/credit", "CreditRequest", "/quantum/channel", "ChannelRequest",
                "/api/solar/forecast", "ForecastRequest", "/api/solar/building-potential", "BuildingPotentialRequest");
        bodies.forEach((path, schema) -> {
            JsonNode content = openapi.path("paths").path(path).path("post").path("requestBody").path("content");
            assertEquals("#/components/schemas/" + schema, content.path("application/json").path("schema")
                    .path("$ref").asText(), path + " request body");
        });
        JsonNode order = openapi.path("components").path("schemas").path("OrderRequest");
        assertEquals(Set.of("user_id", "side", "price", "quantity"), Set.copyOf(Json.mapper()
                .convertValue(order.path("required"), List.class)), order.toString());
        assertEquals("0.25", order.path("properties").path("price").path("examples").path(0).asText(), order.toString());
        assertTrue(order.path("properties").has("client_order_id"), order.toString());
        assertEquals("[A-Za-z0-9_.-]{1,64}", openapi.path("components").path("schemas").path("WalletRequest")
                .path("properties").path("user_id").path("pattern").asText());
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "POST")
                .options("/order").then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"));
        given().header("Origin", "http://localhost:8080").get("/book").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"));
        given().header("Origin", "https://evil.example").get("/book").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
