package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solarmarket.forecast.physics.CellTemperature.SapmMounting;

class CellTemperatureTest {

    @Test
    void sapmMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("cell_temperature_pvlib.csv").rows(row ->
                row.get("model").startsWith("sapm"));
        assertEquals(6, rows.size());
        for (Map<String, String> row : rows) {
            double poa = ReferenceTable.number(row, "poa_global_Wm2");
            double air = ReferenceTable.number(row, "temp_air_C");
            double wind = ReferenceTable.number(row, "wind_speed_ms");
            double expected = ReferenceTable.number(row, "expected_temperature_C");
            // Every row uses the open-rack glass-glass parameters; pvlib compares with rtol 1e-3.
            double actual = row.get("model").equals("sapm_cell")
                    ? CellTemperature.sapmCell(poa, air, wind, SapmMounting.OPEN_RACK_GLASS_GLASS)
                    : CellTemperature.sapmModule(poa, air, wind, SapmMounting.OPEN_RACK_GLASS_GLASS);
            assertEquals(expected, actual, 1e-3 * Math.abs(expected), row.get("test_function") + " " + row);
        }
    }

    @Test
    void faimanMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("cell_temperature_pvlib.csv").rows(row ->
                row.get("model").equals("faiman"));
        assertEquals(3, rows.size());
        for (Map<String, String> row : rows) {
            double poa = ReferenceTable.number(row, "poa_global_Wm2");
            double air = ReferenceTable.number(row, "temp_air_C");
            double wind = ReferenceTable.number(row, "wind_speed_ms");
            double actual = row.get("parameters").contains("u0=22.0")
                    ? CellTemperature.faiman(poa, air, wind, 22.0, 6.0)
                    : CellTemperature.faiman(poa, air, wind);
            // pvlib: atol 1e-3.
            assertEquals(ReferenceTable.number(row, "expected_temperature_C"), actual, 1e-3, row.toString());
        }
    }

    @Test
    void temperaturesStayPhysicalOverWholeRange() {
        for (double poa = 0.0; poa <= 1500.0; poa += 25.0) {
            for (double air = -40.0; air <= 50.0; air += 5.0) {
                for (double wind = 0.0; wind <= 40.0; wind += 2.0) {
                    for (SapmMounting mounting : SapmMounting.values()) {
                        double cell = CellTemperature.sapmCell(poa, air, wind, mounting);
                        assertTrue(cell >= air, mounting + " " + poa + "/" + air + "/" + wind);
                        assertTrue(cell < air + 100.0, mounting + " " + poa + "/" + air + "/" + wind);
                    }
                    double faiman = CellTemperature.faiman(poa, air, wind);
                    assertTrue(faiman >= air, "faiman " + poa + "/" + air + "/" + wind);
                    assertTrue(faiman < air + 61.0, "faiman " + poa + "/" + air + "/" + wind);
                }
            }
        }
    }
}
