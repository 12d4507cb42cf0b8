package org.solarmarket.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard's files, including Chart.js from its webjar, are served by the gateway itself. */
@QuarkusTest
class DashboardFilesTest {

    @Test
    void pageAndAssetsAreServed() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/webjars/chart.js/4.4.7/dist/chart.umd.js"))
                .body(containsString("rel=\"manifest\""));
        given().get("/webjars/chart.js/4.4.7/dist/chart.umd.js").then().statusCode(200)
                .body(containsString("Chart"));
        given().get("/js/app.js").then().statusCode(200).body(containsString("request_forecast"));
        given().get("/css/app.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get("/sw.js").then().statusCode(200).body(containsString("solarmarket-shell"));
        given().get("/manifest.json").then().statusCode(200).body("display", equalTo("standalone"))
                .body("icons[0].sizes", equalTo("192x192"));
        given().get("/icons/icon-512.png").then().statusCode(200).contentType("image/png");
    }
}
