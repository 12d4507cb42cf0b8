package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PvWattsTest {

    @Test
    void dcMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("pvwatts_dc_pvlib.csv").rows();
        assertEquals(6, rows.size());
        for (Map<String, String> row : rows) {
            double irradiance = ReferenceTable.number(row, "effective_irradiance_Wm2");
            double cell = ReferenceTable.number(row, "temp_cell_C");
            double pdc0 = ReferenceTable.number(row, "pdc0_W");
            double gamma = ReferenceTable.number(row, "gamma_pdc_per_C");
            double expected = ReferenceTable.number(row, "expected_pdc_W");
            String k = row.get("k");
            double actual = k.isBlank()
                    ? PvWatts.dc(irradiance, cell, pdc0, gamma)
                    : PvWatts.dc(irradiance, cell, pdc0, gamma, Double.parseDouble(k),
                            Boolean.parseBoolean(row.get("cap_adjustment").toLowerCase()));
            if (Double.isNaN(expected)) {
                // pvlib propagates NaN irradiance; this model returns no power for it.
                assertEquals(0.0, actual, row.get("test_function"));
            } else {
                // pvlib: rtol 1e-7.
                assertEquals(expected, actual, 1e-7 * expected, row.get("test_function"));
            }
        }
    }

    @Test
    void inverterMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("pvwatts_ac_inverter_pvlib.csv").rows();
        assertEquals(6, rows.size());
        for (Map<String, String> row : rows) {
            String pdcCell = row.get("pdc_W");
            double pdc = pdcCell.contains("+")
                    ? java.util.Arrays.stream(pdcCell.split("\\(")[0].split("\\+")).mapToDouble(s ->
                            Double.parseDouble(s.trim())).sum()
                    : ReferenceTable.number(row, "pdc_W");
            double expected = ReferenceTable.number(row, "expected_pac_W");
            double actual = PvWatts.inverter(pdc, ReferenceTable.number(row, "pdc0_W"),
                    ReferenceTable.number(row, "eta_inv_nom"));
            if (Double.isNaN(expected)) {
                assertEquals(0.0, actual, "NaN DC input gives no AC power");
            } else {
                assertEquals(expected, actual, Math.max(1e-7 * expected, 1e-12), row.get("test_function") + " " + pdc);
            }
        }
    }

    @Test
    void inverterClipsAtAcCapacityOverWholeRange() {
        double pdc0 = 100.0;
        double pac0 = PvWatts.ETA_INV_NOM * pdc0;
        for (double pdc = -10.0; pdc <= 300.0; pdc += 0.05) {
            double pac = PvWatts.inverter(pdc, pdc0);
            assertTrue(pac >= 0.0, "pac " + pac + " at pdc " + pdc);
            assertTrue(pac <= pac0, "pac " + pac + " at pdc " + pdc);
            assertTrue(pac <= Math.max(pdc, 0.0), "AC never exceeds DC at " + pdc);
        }
        assertEquals(pac0, PvWatts.inverter(250.0, pdc0), 1e-12, "clipped");
    }

    @Test
    void dcIsNeverNegative() {
        for (double irradiance = -100.0; irradiance <= 1500.0; irradiance += 10.0) {
            for (double cell = -40.0; cell <= 120.0; cell += 5.0) {
                double dc = PvWatts.dc(irradiance, cell, 100.0, -0.0037);
                assertTrue(dc >= 0.0, irradiance + " W/m² at " + cell + " °C");
                assertTrue(Double.isFinite(dc), irradiance + " W/m² at " + cell + " °C");
            }
        }
    }
}
