package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolarPositionCalculatorTest {

    /** Same algorithm, same inputs: implementations agree to about 1e-6°. */
    private static final double ANGLE_TOLERANCE = 1e-5;

    private static final Instant SPA_EXAMPLE = Instant.parse("2003-10-17T19:30:30Z");
    private static final Observer GOLDEN = new Observer(39.742476, -105.1786, 1830.14, 820.0, 11.0);

    private static JsonNode spaExample() throws IOException {
        return new ObjectMapper().readTree(
                ReferenceTable.folder().resolve("nrel_spa_example_golden_2003-10-17.json").toFile());
    }

    @Test
    void spaExampleIntermediates() throws IOException {
        JsonNode table = spaExample().get("outputs_paper_table_A5_1");
        double julianDay = SunEphemeris.julianDay(SPA_EXAMPLE);
        assertEquals(table.get("JD").asDouble(), julianDay, 1e-6, "JD");
        GeocentricSun sun = SunEphemeris.at(julianDay + 67.0 / 86400.0);
        assertEquals(table.get("R_AU").asDouble(), sun.earthSunDistance(), 1e-9, "R [AU]");
        assertEquals(table.get("delta_psi_nutation_longitude_deg").asDouble(), sun.nutationInLongitude(), 1e-8,
                "delta psi");
        assertEquals(table.get("epsilon_true_obliquity_deg").asDouble(), sun.trueObliquity(), 1e-6, "epsilon");
        assertEquals(table.get("alpha_geocentric_right_ascension_deg").asDouble(), sun.rightAscension(), 1e-5,
                "alpha");
        assertEquals(table.get("delta_geocentric_declination_deg").asDouble(), sun.declination(), 1e-5, "delta");
        assertEquals(table.get("H_observer_local_hour_angle_deg").asDouble(),
                SolarPositionCalculator.localHourAngle(julianDay, sun, GOLDEN.longitude()), 1e-5, "H");
        assertEquals(table.get("E_equation_of_time_minutes").asDouble(), sun.equationOfTimeMinutes(), 1e-5,
                "equation of time [min]");
    }

    @Test
    void spaExamplePosition() throws IOException {
        JsonNode table = spaExample().get("outputs_paper_table_A5_1");
        SolarPosition position = SolarPositionCalculator.position(SPA_EXAMPLE, GOLDEN, 67.0);
        assertEquals(table.get("theta_topocentric_zenith_deg").asDouble(), position.apparentZenith(),
                ANGLE_TOLERANCE, "apparent zenith");
        assertEquals(table.get("Phi_topocentric_azimuth_deg_east_of_north").asDouble(), position.azimuth(),
                ANGLE_TOLERANCE, "azimuth");
        assertEquals(table.get("delta_prime_topocentric_declination_deg").asDouble(), position.declination(),
                ANGLE_TOLERANCE, "topocentric declination");
        // The report prints H' = 11.10629°, 2e-5° off its own other figures; pvlib's test uses 11.10627°.
        JsonNode pvlib = spaExample().get("outputs_pvlib_test_spa_extra_intermediates");
        assertEquals(pvlib.get("H_prime_topocentric_local_hour_angle_deg").asDouble(), position.hourAngle(),
                ANGLE_TOLERANCE, "topocentric hour angle");
        assertEquals(table.get("H_prime_topocentric_local_hour_angle_deg").asDouble(), position.hourAngle(), 5e-5,
                "topocentric hour angle as printed in the report");
        assertEquals(pvlib.get("delta_e_refraction_correction_deg").asDouble(),
                position.apparentElevation() - position.elevation(), 1e-6, "refraction correction");
        assertEquals(39.872046, position.elevation(), ANGLE_TOLERANCE, "elevation without refraction");
        assertEquals(25.18700, Transposition.angleOfIncidence(30.0, 170.0, position.apparentZenith(),
                position.azimuth()), ANGLE_TOLERANCE, "incidence on 30° tilt facing 170°");
    }

    @Test
    void pvlibSolarPositionRows() {
        for (Map<String, String> row : ReferenceTable.load("solar_position_pvlib.csv").rows()) {
            String label = row.get("case");
            Observer observer = new Observer(ReferenceTable.number(row, "latitude_deg"),
                    ReferenceTable.number(row, "longitude_deg"), ReferenceTable.number(row, "altitude_m"),
                    ReferenceTable.number(row, "pressure_Pa") / 100.0, ReferenceTable.number(row, "temperature_C"));
            SolarPosition position = SolarPositionCalculator.position(Instant.parse(row.get("time_utc")), observer,
                    ReferenceTable.number(row, "delta_t_s"));
            // pvlib compares with rtol 1e-5; the 5-decimal rows are rounded, so allow half a unit there.
            check(row, "expected_azimuth_deg", position.azimuth(), label + " azimuth");
            check(row, "expected_apparent_zenith_deg", position.apparentZenith(), label + " apparent zenith");
            check(row, "expected_zenith_deg", position.zenith(), label + " zenith");
            check(row, "expected_elevation_deg", position.elevation(), label + " elevation");
            check(row, "expected_apparent_elevation_deg", position.apparentElevation(), label + " apparent elev.");
            check(row, "expected_equation_of_time_min", position.equationOfTime(), label + " equation of time");
        }
    }

    private static void check(Map<String, String> row, String column, double actual, String label) {
        String cell = row.get(column);
        if (cell == null || cell.isBlank()) {
            return;
        }
        double expected = Double.parseDouble(cell);
        double tolerance = Math.max(1e-5 * Math.abs(expected), 5e-6);
        assertEquals(expected, actual, tolerance, label);
    }

    @Test
    void positionsValidOverWholeRange() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            double latitude = i % 50 == 0 ? (i % 100 == 0 ? 90.0 : -90.0) : random.nextDouble(-90.0, 90.0);
            Observer observer = new Observer(latitude, random.nextDouble(-180.0, 180.0),
                    random.nextDouble(-500.0, 9000.0), random.nextDouble(300.0, 1100.0), random.nextDouble(-90.0, 60.0));
            Instant time = Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 4_102_444_800L));
            SolarPosition position = SolarPositionCalculator.position(time, observer);
            String label = observer + " at " + time;
            assertTrue(position.zenith() >= 0.0, label);
            assertTrue(position.zenith() <= 180.0, label);
            assertTrue(position.apparentZenith() >= 0.0, label);
            assertTrue(position.apparentZenith() <= position.zenith() + 1e-12, "refraction lifts the Sun: " + label);
            assertTrue(position.apparentZenith() >= position.zenith() - 2.0, "refraction below 2°: " + label);
            assertTrue(position.azimuth() >= 0.0, label);
            assertTrue(position.azimuth() < 360.0, label);
            assertTrue(Math.abs(position.equationOfTime()) < 17.0, "equation of time: " + label);
            assertTrue(Math.abs(position.declination()) < 23.5, "declination: " + label);
            assertTrue(position.earthSunDistance() > 0.983, "distance: " + label);
            assertTrue(position.earthSunDistance() < 1.017, "distance: " + label);
        }
    }

    @Test
    void seriesMatchesFullComputation() {
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        Instant[] times = new Instant[2000];
        for (int i = 0; i < times.length; i++) {
            times[i] = start.plusSeconds(i * 1234L);
        }
        Observer observer = Observer.at(-33.9, 18.4, 20.0);
        SolarPosition[] series = SolarPositionCalculator.series(times, observer, 69.0);
        for (int i = 0; i < times.length; i++) {
            SolarPosition direct = SolarPositionCalculator.position(times[i], observer, 69.0);
            assertEquals(direct.apparentZenith(), series[i].apparentZenith(), 1e-6, "zenith at " + times[i]);
            double azimuthDifference = Math.IEEEremainder(direct.azimuth() - series[i].azimuth(), 360.0);
            assertEquals(0.0, azimuthDifference, 1e-6, "azimuth at " + times[i]);
            assertEquals(direct.equationOfTime(), series[i].equationOfTime(), 1e-5, "eot at " + times[i]);
        }
    }
}
