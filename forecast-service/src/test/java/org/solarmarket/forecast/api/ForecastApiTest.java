package org.solarmarket.forecast.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solarmarket.forecast.support.SmallModelResource;

@QuarkusTest
@QuarkusTestResource(SmallModelResource.class)
class ForecastApiTest {

    private static final String START = "2012-08-10T06:00:00-07:00";

    @Test
    void forecastReturnsSortedBoundedBand() {
        JsonPath json = given().contentType("application/json")
                .body("{\"hours\": 72, \"interval_minutes\": 5, \"start_time\": \"" + START + "\"}")
                .post("/api/solar/forecast")
                .then().statusCode(200)
                .body("plant", equalTo("system50"))
                .body("model.setting", equalTo("weather"))
                .body("model.weather_source", equalTo("replay"))
                .body("timestamps", hasSize(864))
                .extract().jsonPath();
        assertEquals("2012-08-10T13:05:00Z", json.getString("timestamps[0]"));
        List<String> p10 = json.getList("p10_kw");
        List<String> p50 = json.getList("p50_kw");
        List<String> p90 = json.getList("p90_kw");
        BigDecimal capacity = new BigDecimal(json.getString("model.ac_capacity_kw"));
        BigDecimal peak = BigDecimal.ZERO;
        for (int i = 0; i < p10.size(); i++) {
            BigDecimal low = new BigDecimal(p10.get(i));
            BigDecimal mid = new BigDecimal(p50.get(i));
            BigDecimal high = new BigDecimal(p90.get(i));
            assertTrue(low.signum() >= 0, "P10 below 0 at " + i);
            assertTrue(low.compareTo(mid) <= 0, "P10 above P50 at " + i);
            assertTrue(mid.compareTo(high) <= 0, "P50 above P90 at " + i);
            assertTrue(high.compareTo(capacity) <= 0, "P90 above capacity at " + i);
            peak = peak.max(mid);
        }
        assertTrue(peak.compareTo(new BigDecimal("1.0")) > 0, "August peak P50 " + peak);
        BigDecimal energy = new BigDecimal(json.getString("statistics.energy_kwh.p50"));
        assertTrue(energy.compareTo(new BigDecimal("20")) > 0, "three August days " + energy + " kWh");
        assertTrue(energy.compareTo(new BigDecimal("70")) < 0, "three August days " + energy + " kWh");
        BigDecimal co2 = new BigDecimal(json.getString("statistics.co2_avoided.co2_avoided_kg"));
        assertEquals(0, energy.multiply(new BigDecimal("0.417")).setScale(3, java.math.RoundingMode.HALF_UP)
                .compareTo(co2));
    }

    @Test
    void missingWeatherFallsBackToNoWeatherModel() {
        given().contentType("application/json")
                .body("{\"hours\": 24, \"start_time\": \"2013-06-01T00:00:00Z\"}")
                .post("/api/solar/forecast")
                .then().statusCode(200)
                .body("model.setting", equalTo("no_weather"))
                .body("model.weather_source", equalTo("none"))
                .body("notes[0]", containsString("no-weather model"));
    }

    @Test
    void hoursOutOfRangeIsRejected() {
        for (String hours : List.of("5", "73")) {
            given().contentType("application/json").body("{\"hours\": " + hours + "}")
                    .post("/api/solar/forecast")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo("hours"))
                    .body("value", equalTo(hours))
                    .body("status", equalTo(400))
                    .body("detail", containsString("between 6 and 72"));
        }
    }

    @Test
    void intervalBelowFiveMinutesIsRejected() {
        given().contentType("application/json").body("{\"interval_minutes\": 4}")
                .post("/api/solar/forecast")
                .then().statusCode(400).body("field", equalTo("interval_minutes")).body("value", equalTo("4"));
    }

    @Test
    void unknownPlantIsRejected() {
        given().contentType("application/json").body("{\"plant\": \"atlantis\"}")
                .post("/api/solar/forecast")
                .then().statusCode(400).body("field", equalTo("plant")).body("value", equalTo("atlantis"));
        given().get("/api/solar/plant-info?plant=atlantis").then().statusCode(400).body("field", equalTo("plant"));
    }

    @Test
    void startTimeWithoutOffsetIsRejected() {
        given().contentType("application/json").body("{\"start_time\": \"2012-08-10T06:00:00\"}")
                .post("/api/solar/forecast")
                .then().statusCode(400)
                .body("field", equalTo("start_time"))
                .body("detail", containsString("no UTC offset"));
    }

    @Test
    void plantWithoutModelAnswers503WithTrainingCommand() {
        given().contentType("application/json").body("{\"plant\": \"serf-east\"}")
                .post("/api/solar/forecast")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("field", equalTo("plant"))
                .body("detail", containsString("bin/train --plant serf-east"));
    }

    @Test
    void plantInfoShowsModelStatus() {
        given().get("/api/solar/plant-info")
                .then().statusCode(200)
                .body("plant", equalTo("system50"))
                .body("config.surface_tilt_degrees", equalTo(45.0f))
                .body("data.dst_clock_shift_corrected", equalTo(true))
                .body("models.weather.trained", equalTo(true))
                .body("models.weather.features", hasSize(33))
                .body("models.weather.validation", hasSize(5));
        given().get("/api/solar/plant-info?plant=serf-east")
                .then().statusCode(200)
                .body("models.no_weather.trained", equalTo(false))
                .body("models.no_weather.how_to_train", containsString("bin/train --plant serf-east"));
    }

    @Test
    void dashboardHasDailyAndMonthlyCarbon() {
        JsonPath json = given().get("/api/solar/dashboard").then().statusCode(200)
                .body("forecast.timestamps", hasSize(96))
                .extract().jsonPath();
        assertTrue(json.getList("carbon.daily_forecast").size() >= 1);
        List<String> months = json.getList("carbon.monthly_measured.month");
        assertTrue(months.size() >= 6, "months " + months);
        assertEquals("0.417", json.getString("carbon.kg_co2_per_kwh"));
    }

    @Test
    void roofAreaMustBePositive() {
        for (String area : List.of("0", "-1")) {
            given().contentType("application/json").body("{\"roof_area_m2\": " + area + "}")
                    .post("/api/solar/building-potential")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo("roof_area_m2"))
                    .body("value", equalTo(area));
        }
    }

    @Test
    void buildingPotentialUsesDefaultPanel() {
        JsonPath json = given().contentType("application/json").body("{\"roof_area_m2\": 100}")
                .post("/api/solar/building-potential")
                .then().statusCode(200)
                .body("panel_count", equalTo(41))
                .body("dc_capacity_kw", equalTo("16.400"))
                .extract().jsonPath();
        BigDecimal yield = new BigDecimal(json.getString("specific_yield_kwh_per_kwp"));
        assertTrue(yield.compareTo(new BigDecimal("900")) > 0, "specific yield " + yield);
        assertTrue(yield.compareTo(new BigDecimal("2100")) < 0, "specific yield " + yield);
        assertEquals(12, json.getList("monthly").size());
        assertTrue(json.getString("sky_factor_source").contains("measured"));
    }

    @Test
    void unknownFieldsAreRejectedByName() {
        given().contentType("application/json").body("{\"hours\": 24, \"interval\": 15}")
                .post("/api/solar/forecast")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("interval"))
                .body("value", equalTo("15"))
                .body("detail", containsString("interval_minutes"));
        given().contentType("application/json").body("{\"roof_area_m2\": 100, \"tilt\": 30}")
                .post("/api/solar/building-potential")
                .then().statusCode(400)
                .body("field", equalTo("tilt"))
                .body("detail", containsString("tilt_degrees"));
    }

    @Test
    void buildingPotentialNeedsBothCoordinates() {
        given().contentType("application/json").body("{\"roof_area_m2\": 60, \"latitude\": 47}")
                .post("/api/solar/building-potential")
                .then().statusCode(400)
                .body("field", equalTo("longitude"))
                .body("detail", containsString("latitude is given"));
        given().contentType("application/json").body("{\"roof_area_m2\": 60, \"longitude\": 8.54}")
                .post("/api/solar/building-potential")
                .then().statusCode(400)
                .body("field", equalTo("latitude"));
    }

    @Test
    void buildingPotentialElsewhereAssumesSeaLevel() {
        JsonPath json = given().contentType("application/json")
                .body("{\"roof_area_m2\": 60, \"latitude\": 52.52, \"longitude\": 13.40}")
                .post("/api/solar/building-potential")
                .then().statusCode(200)
                .body("site.altitude_meters", equalTo(0.0f))
                .body("site.azimuth_degrees", equalTo(180.0f))
                .extract().jsonPath();
        List<String> notes = json.getList("notes");
        assertTrue(notes.stream().anyMatch(note -> note.contains("sea level")), "notes " + notes);
        assertTrue(notes.stream().anyMatch(note -> note.contains("sky factor")), "notes " + notes);
        BigDecimal berlin = new BigDecimal(json.getString("specific_yield_kwh_per_kwp"));
        BigDecimal golden = new BigDecimal(given().contentType("application/json").body("{\"roof_area_m2\": 60}")
                .post("/api/solar/building-potential").then().statusCode(200)
                .extract().jsonPath().getString("specific_yield_kwh_per_kwp"));
        // Berlin lies 12.8 degrees further north than Golden and about 1.8 km lower, so a kWp yields less there.
        assertTrue(berlin.compareTo(golden.multiply(new BigDecimal("0.9"))) < 0, berlin + " vs " + golden);
    }
}
