package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtmosphereTest {

    /** pvlib's airmass tests compare with an absolute tolerance of 0.001. */
    private static final double AIR_MASS_TOLERANCE = 1e-3;

    @Test
    void relativeAirMassMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("airmass_pvlib.csv").rows(row ->
                row.get("quantity").equals("relative_airmass")
                        && (row.get("model_or_function").equals("kastenyoung1989")
                        || row.get("model_or_function").equals("kasten1966")));
        assertEquals(6, rows.size(), "Kasten-Young 1989 and Kasten 1966 rows");
        for (Map<String, String> row : rows) {
            double zenith = ReferenceTable.number(row, "zenith_deg");
            double expected = ReferenceTable.number(row, "expected");
            double actual = row.get("model_or_function").equals("kastenyoung1989")
                    ? Atmosphere.relativeAirMassKastenYoung1989(zenith)
                    : Atmosphere.relativeAirMassKasten1966(zenith);
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(actual), "NaN above the horizon limit at zenith " + zenith);
            } else {
                assertEquals(expected, actual, AIR_MASS_TOLERANCE, row.get("model_or_function") + " at " + zenith);
            }
        }
    }

    @Test
    void absoluteAirMassMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("airmass_pvlib.csv").rows(row ->
                row.get("quantity").equals("absolute_airmass"));
        assertEquals(5, rows.size());
        for (Map<String, String> row : rows) {
            double relative = ReferenceTable.number(row, "airmass_relative_input");
            double pressure = ReferenceTable.number(row, "pressure_Pa");
            double expected = ReferenceTable.number(row, "expected");
            double actual = Atmosphere.absoluteAirMass(relative, pressure);
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(actual), "NaN relative air mass stays NaN");
            } else {
                assertEquals(expected, actual, AIR_MASS_TOLERANCE, "absolute air mass of " + relative);
            }
        }
    }

    @Test
    void kastenYoungAtSixtyDegrees() {
        // The model at 60° to double precision.
        assertEquals(1.9942928525292494, Atmosphere.relativeAirMassKastenYoung1989(60.0), 1e-12);
    }

    @Test
    void kastenYoungBelowHorizonIsUndefined() {
        double airMass = Atmosphere.relativeAirMassKastenYoung1989(95.0);
        assertTrue(Double.isNaN(airMass), "95° gives NaN, not a negative number");
        assertEquals(36.467, Atmosphere.relativeAirMassKastenYoung1989(89.9), AIR_MASS_TOLERANCE);
        // Downstream, the clear sky at that zenith is zero in every component.
        Irradiance clear = ClearSkyModel.ineichen(95.0, airMass, 3.0, 0.0, 1364.0);
        assertEquals(Irradiance.NONE, clear);
    }

    @Test
    void kastenYoungOverWholeRange() {
        double previous = 0.0;
        for (double zenith = 0.0; zenith <= 90.0; zenith += 0.01) {
            double airMass = Atmosphere.relativeAirMassKastenYoung1989(zenith);
            assertTrue(airMass >= 0.999, "air mass " + airMass + " at " + zenith);
            assertTrue(airMass < 40.0, "air mass " + airMass + " at " + zenith);
            // The formula dips by about 1e-8 within the first hundredth of a degree.
            assertTrue(airMass >= previous - 1e-7, "air mass grows with zenith at " + zenith);
            previous = airMass;
        }
    }

    @Test
    void pressureAltitudeRoundTrip() {
        assertEquals(101325.0, Atmosphere.pressureFromAltitude(0.0), 1.0);
        // pvlib's pres2alt(90000) test value.
        assertEquals(988.637, Atmosphere.altitudeFromPressure(90000.0), 0.01);
        for (double altitude = -400.0; altitude <= 9000.0; altitude += 100.0) {
            double pressure = Atmosphere.pressureFromAltitude(altitude);
            assertEquals(altitude, Atmosphere.altitudeFromPressure(pressure), 2.0, "round trip at " + altitude);
        }
    }
}
