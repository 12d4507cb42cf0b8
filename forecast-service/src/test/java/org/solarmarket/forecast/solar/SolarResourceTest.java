package org.solarmarket.forecast.solar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SolarResourceTest {

    @BeforeAll
    static void readNumbersAsDoubles() {
        RestAssured.config = RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static ValidatableResponse position(Object... parameters) {
        return given().queryParams(pairs(parameters)).when().get("/api/solar/position").then();
    }

    private static ValidatableResponse clearSky(Object... parameters) {
        return given().queryParams(pairs(parameters)).when().get("/api/solar/clearsky").then();
    }

    private static java.util.Map<String, Object> pairs(Object... parameters) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put((String) parameters[i], parameters[i + 1]);
        }
        return map;
    }

    @Test
    void positionOfSpaExample() {
        position("latitude", 39.742476, "longitude", -105.1786, "time", "2003-10-17T12:30:30-07:00",
                "altitude", 1830.14, "pressure", 820, "temperature", 11, "surface_tilt", 30, "surface_azimuth", 170,
                "delta_t", 67)
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("time", equalTo("2003-10-17T19:30:30Z"))
                .body("apparent_zenith", closeTo(50.11162, 1e-5))
                .body("azimuth", closeTo(194.34024, 1e-5))
                .body("angle_of_incidence", closeTo(25.18700, 1e-5))
                .body("equation_of_time", closeTo(14.641503, 1e-5))
                .body("delta_t", closeTo(67.0, 0.0))
                .body("units.apparent_zenith", equalTo("deg"))
                .body("units.equation_of_time", equalTo("min"))
                .body("units.pressure", equalTo("hPa"))
                .body("day", equalTo("2003-10-17"))
                .body("sunrise", containsString("2003-10-17T06:12:4"));
    }

    @Test
    void estimatedDeltaTStaysCloseToSpaExample() {
        // Without delta_t the service estimates it (about 64.5 s for 2003); that moves the Sun by < 1e-4°.
        position("latitude", 39.742476, "longitude", -105.1786, "time", "2003-10-17T12:30:30-07:00",
                "altitude", 1830.14, "pressure", 820, "temperature", 11)
                .statusCode(200)
                .body("apparent_zenith", closeTo(50.11162, 1e-4))
                .body("azimuth", closeTo(194.34024, 1e-4));
    }

    @Test
    void sameInstantInTwoZonesGivesSamePosition() {
        double first = position("latitude", 52.52, "longitude", 13.4, "time", "2026-06-21T14:00:00+02:00")
                .statusCode(200).extract().path("apparent_zenith");
        double second = position("latitude", 52.52, "longitude", 13.4, "time", "2026-06-21T12:00:00Z")
                .statusCode(200).extract().path("apparent_zenith");
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
    }

    @Test
    void clearSkyAtTucsonMidnightIsZero() {
        clearSky("latitude", 32.2, "longitude", -111.0, "altitude", 700, "time", "2015-01-01T00:00-07:00")
                .statusCode(200)
                .body("ghi", equalTo(0.0))
                .body("dni", equalTo(0.0))
                .body("dhi", equalTo(0.0))
                .body("airmass_relative", nullValue())
                .body("units.ghi", equalTo("W/m2"));
    }

    @Test
    void clearSkyAtNoon() {
        clearSky("latitude", 32.2, "longitude", -111.0, "altitude", 700, "time", "2015-06-21T12:30-07:00",
                "linke_turbidity", 3)
                .statusCode(200)
                .body("ghi", greaterThan(900.0))
                .body("dni", greaterThan(800.0))
                .body("linke_turbidity", equalTo(3.0))
                .body("model", equalTo("ineichen"));
        clearSky("latitude", 32.2, "longitude", -111.0, "time", "2015-06-21T12:30-07:00", "model", "haurwitz")
                .statusCode(200)
                .body("ghi", greaterThan(900.0));
    }

    @Test
    void timestampWithoutOffsetIsRejected() {
        clearSky("latitude", 32.2, "longitude", -111.0, "altitude", 700, "time", "2015-01-01T00:00")
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("field", equalTo("time"))
                .body("value", equalTo("2015-01-01T00:00"))
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Invalid request parameter"))
                .body("detail", containsString("offset"));
    }

    @Test
    void latitudeOutOfRangeIsRejected() {
        position("latitude", 91, "longitude", 0, "time", "2026-01-01T00:00:00Z")
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("field", equalTo("latitude"))
                .body("value", equalTo("91.0"))
                .body("detail", containsString("[-90.0, 90.0]"));
    }

    @Test
    void negativeTiltIsRejected() {
        position("latitude", 45, "longitude", 0, "time", "2026-01-01T00:00:00Z", "surface_tilt", -5)
                .statusCode(400)
                .body("field", equalTo("surface_tilt"))
                .body("value", equalTo("-5.0"));
    }

    @Test
    void unknownZoneIsRejected() {
        position("latitude", 45, "longitude", 0, "time", "2026-01-01T00:00:00Z", "timezone", "Europe/Atlantis")
                .statusCode(400)
                .body("field", equalTo("timezone"))
                .body("value", equalTo("Europe/Atlantis"));
        position("latitude", 45, "longitude", 0, "time", "2026-01-01T00:00:00[Mars/Olympus_Mons]")
                .statusCode(400)
                .body("field", equalTo("time"));
    }

    @Test
    void unknownAndRepeatedParametersAreRejected() {
        position("latitude", 45, "longitude", 0, "time", "2026-01-01T00:00:00Z", "altitud", 400)
                .statusCode(400)
                .body("field", equalTo("altitud"))
                .body("value", equalTo("400"))
                .body("detail", containsString("altitude"));
        clearSky("latitude", 45, "longitude", 0, "time", "2026-01-01T00:00:00Z", "linke", 3)
                .statusCode(400)
                .body("field", equalTo("linke"));
        given().queryParam("latitude", 45).queryParam("longitude", 0).queryParam("time", "2026-01-01T00:00:00Z")
                .queryParam("altitude", 100).queryParam("altitude", 2000).get("/api/solar/position").then()
                .statusCode(400)
                .body("field", equalTo("altitude"))
                .body("detail", containsString("2 times"));
    }

    @Test
    void missingAndMalformedNumbersAreRejected() {
        position("longitude", 0, "time", "2026-01-01T00:00:00Z")
                .statusCode(400)
                .body("field", equalTo("latitude"));
        position("latitude", "north", "longitude", 0, "time", "2026-01-01T00:00:00Z")
                .statusCode(400)
                .body("field", equalTo("latitude"))
                .body("value", equalTo("north"));
        clearSky("latitude", 45, "longitude", 0, "time", "2026-01-01T00:00:00Z", "linke_turbidity", 0.5)
                .statusCode(400)
                .body("field", equalTo("linke_turbidity"));
        clearSky("latitude", 45, "longitude", 0, "time", "2026-01-01T00:00:00Z", "pressure", 101325)
                .statusCode(400)
                .body("field", equalTo("pressure"))
                .body("detail", containsString("1100"));
    }

    @Test
    void dstGapTimeIsResolvedForward() {
        position("latitude", 52.52, "longitude", 13.4, "time", "2026-03-29T02:30[Europe/Berlin]")
                .statusCode(200)
                .body("time", equalTo("2026-03-29T01:30:00Z"))
                .body("local_time", equalTo("2026-03-29T03:30+02:00"));
    }

    @Test
    void polarNightHasNoSunrise() {
        position("latitude", 78.22, "longitude", 15.65, "time", "2026-12-21T12:00:00+01:00")
                .statusCode(200)
                .body("day_type", equalTo("polar_night"))
                .body("sunrise", nullValue())
                .body("sunset", nullValue());
        clearSky("latitude", 78.22, "longitude", 15.65, "time", "2026-12-21T12:00:00+01:00")
                .statusCode(200)
                .body("ghi", equalTo(0.0));
    }
}
