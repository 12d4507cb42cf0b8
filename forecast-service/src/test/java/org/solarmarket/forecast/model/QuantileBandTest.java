package org.solarmarket.forecast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantileBandTest {

    @Test
    void crossedRowIsSorted() {
        QuantileBand.Published band = QuantileBand.publish("test", new double[] {12.0}, new double[] {10.0},
                new double[] {15.0}, 20.0);
        assertEquals(10.0, band.p10()[0]);
        assertEquals(12.0, band.p50()[0]);
        assertEquals(15.0, band.p90()[0]);
        assertEquals(1, band.sortedRows());
        assertEquals(0, band.clampedValues());
    }

    @Test
    void negativeAndExcessPowerIsClampedAndCounted() {
        // Raw midday output of -193.66 W and slightly negative values at dawn and dusk, in kW.
        double[] p10 = {-0.0021, -0.19366, -0.19366, -0.0004};
        double[] p50 = {-0.0010, -0.19366, 3.5, -0.0002};
        double[] p90 = {0.0005, -0.1, 3.9, 0.0001};
        QuantileBand.Published band = QuantileBand.publish("test", p10, p50, p90, 3.089);
        for (int i = 0; i < p10.length; i++) {
            for (double value : new double[] {band.p10()[i], band.p50()[i], band.p90()[i]}) {
                assertTrue(value >= 0, "row " + i + " value " + value);
                assertTrue(value <= 3.089, "row " + i + " value " + value);
            }
            assertTrue(band.p10()[i] <= band.p50()[i] && band.p50()[i] <= band.p90()[i]);
        }
        assertEquals(0.0, band.p50()[1]);
        assertEquals(3.089, band.p90()[2]);
        assertEquals(10, band.clampedValues());
    }
}
