package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DecompositionTest {

    /** Reads "day of year 180", "2019-01-01 (tz-naive)" or "2014-06-24 18:00 America/Phoenix" (UTC-7). */
    private static int dayOfYear(String cell) {
        if (cell.startsWith("day of year")) {
            return Integer.parseInt(cell.replace("day of year", "").trim());
        }
        if (cell.contains("America/Phoenix")) {
            // The day of year is that of the UTC instant: 18:00 at UTC-7 is already the next day.
            Instant time = OffsetDateTime.parse(cell.substring(0, 16).replace(' ', 'T') + ":00-07:00").toInstant();
            return ExtraterrestrialIrradiance.dayOfYear(time);
        }
        return LocalDate.parse(cell.substring(0, 10)).getDayOfYear();
    }

    @Test
    void erbsMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("decomposition_pvlib.csv").rows(row ->
                row.get("model").equals("erbs"));
        assertEquals(5, rows.size());
        for (Map<String, String> row : rows) {
            double ghi = ReferenceTable.number(row, "ghi_Wm2");
            double zenith = ReferenceTable.number(row, "solar_zenith_deg");
            double[] split = Decomposition.erbs(ghi, zenith, dayOfYear(row.get("time_or_doy")));
            String label = row.get("test_function") + " ghi " + ghi + " zenith " + zenith;
            double dni = ReferenceTable.number(row, "expected_dni_Wm2");
            double dhi = ReferenceTable.number(row, "expected_dhi_Wm2");
            // pvlib rounds both sides to whole W/m² (so ±0.5 W/m²); the scalar test uses rtol 1e-2.
            double dniTolerance = row.get("comparison").contains("1e-2") ? 1e-2 * dni : 0.5;
            double dhiTolerance = row.get("comparison").contains("1e-2") ? 1e-2 * dhi : 0.5;
            assertEquals(dni, split[0], Math.max(dniTolerance, 1e-5 * dni), label + " dni");
            assertEquals(dhi, split[1], Math.max(dhiTolerance, 1e-5 * dhi), label + " dhi");
            double kt = ReferenceTable.number(row, "expected_kt");
            double dniExtra = ExtraterrestrialIrradiance.spencer(dayOfYear(row.get("time_or_doy")));
            if (zenith <= Decomposition.MAX_ZENITH) {
                assertEquals(kt, Decomposition.clearnessIndex(ghi, zenith, dniExtra), 1e-2 * kt + 1e-9, label + " kt");
            }
        }
    }

    @Test
    void discMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("decomposition_pvlib.csv").rows(row ->
                row.get("model").equals("disc"));
        assertEquals(4, rows.size());
        for (Map<String, String> row : rows) {
            double ghi = ReferenceTable.number(row, "ghi_Wm2");
            double zenith = ReferenceTable.number(row, "solar_zenith_deg");
            String pressureCell = row.get("pressure_Pa");
            double pressure = pressureCell.startsWith("None") ? Atmosphere.SEA_LEVEL_PRESSURE_PA
                    : ReferenceTable.number(row, "pressure_Pa");
            Decomposition.DiscResult result = Decomposition.disc(ghi, zenith, dayOfYear(row.get("time_or_doy")),
                    pressure);
            String label = "disc ghi " + ghi + " zenith " + zenith + " pressure " + pressure;
            // pvlib asserts DISC with pandas' assert_frame_equal, atol 1e-5 plus its default rtol 1e-5.
            double dni = ReferenceTable.number(row, "expected_dni_Wm2");
            double kt = ReferenceTable.number(row, "expected_kt");
            double airMass = ReferenceTable.number(row, "expected_airmass");
            assertEquals(dni, result.dni(), 1e-5 + 1e-5 * dni, label + " dni");
            assertEquals(kt, result.clearnessIndex(), 1e-5 + 1e-5 * kt, label + " kt");
            assertEquals(airMass, result.airMass(), 1e-5 + 1e-5 * airMass, label + " airmass");
        }
    }

    @Test
    void closureDniMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("decomposition_pvlib.csv").rows(row ->
                row.get("model").equals("dni_from_ghi_dhi"));
        assertEquals(7, rows.size());
        for (Map<String, String> row : rows) {
            String notes = row.get("notes");
            double dniClear = notes.startsWith("dni_clear=")
                    ? Double.parseDouble(notes.substring("dni_clear=".length(), notes.indexOf(','))) : Double.NaN;
            double actual = Decomposition.dniFromGhiDhi(ReferenceTable.number(row, "ghi_Wm2"),
                    ReferenceTable.number(row, "dhi_input_Wm2"), ReferenceTable.number(row, "solar_zenith_deg"),
                    dniClear, 2.0);
            double expected = ReferenceTable.number(row, "expected_dni_Wm2");
            String label = row.get("time_or_doy") + " " + notes.substring(0, Math.min(20, notes.length()));
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(actual), label + " gave " + actual);
            } else {
                // pvlib: rtol 1e-5.
                assertEquals(expected, actual, 1e-5 * expected, label);
            }
        }
    }

    @Test
    void erbsOverWholeInputRangeKeepsClosure() {
        for (int day = 1; day <= 366; day += 13) {
            for (double zenith = 0.0; zenith <= 180.0; zenith += 0.5) {
                for (double ghi = -20.0; ghi <= 1400.0; ghi += 20.0) {
                    double[] split = Decomposition.erbs(ghi, zenith, day);
                    int dayOfYear = day;
                    double zenithAngle = zenith;
                    double globalIrradiance = ghi;
                    Supplier<String> label = () -> "day " + dayOfYear + " zenith " + zenithAngle + " ghi "
                            + globalIrradiance;
                    assertTrue(split[0] >= 0.0, () -> label.get() + " dni " + split[0]);
                    assertTrue(Double.isFinite(split[0]), () -> label.get() + " dni " + split[0]);
                    assertTrue(split[1] >= 0.0, () -> label.get() + " dhi " + split[1]);
                    assertTrue(Double.isFinite(split[1]), () -> label.get() + " dhi " + split[1]);
                    double closure = split[1] + split[0] * Math.cos(Math.toRadians(zenith));
                    assertEquals(Math.max(ghi, 0.0), closure, 1e-6 * Math.max(ghi, 1.0),
                            () -> label.get() + " closure");
                    Decomposition.DiscResult disc = Decomposition.disc(ghi, zenith, day, 90000.0);
                    assertTrue(disc.dni() >= 0.0, () -> label.get() + " disc dni " + disc.dni());
                    assertTrue(Double.isFinite(disc.dni()), () -> label.get() + " disc dni " + disc.dni());
                }
            }
        }
    }

    @Test
    void erbsSeriesMatchesScalar() {
        double[][] split = Decomposition.erbs(new double[] {0.0, 50.0, 1000.0}, new double[] {120.0, 85.0, 10.0},
                new int[] {1, 1, 171});
        assertEquals(0.0, split[0][0]);
        assertEquals(Decomposition.erbs(50.0, 85.0, 1)[0], split[0][1]);
        assertEquals(Decomposition.erbs(1000.0, 10.0, 171)[1], split[1][2]);
    }
}
