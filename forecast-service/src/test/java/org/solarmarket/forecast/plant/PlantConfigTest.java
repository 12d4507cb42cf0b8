package org.solarmarket.forecast.plant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.solarmarket.forecast.physics.InvalidInputException;

class PlantConfigTest {

    private static PlantConfig.Builder valid() {
        return PlantConfig.builder().latitude(48.1).longitude(11.6).zoneId(ZoneId.of("Europe/Berlin"))
                .dcCapacityKw(100.0);
    }

    private static void assertRejected(String field, String value, Consumer<PlantConfig.Builder> change) {
        PlantConfig.Builder builder = valid();
        change.accept(builder);
        InvalidInputException error = assertThrows(InvalidInputException.class, builder::build);
        assertEquals(field, error.field());
        assertEquals(value, error.value());
        assertTrue(error.getMessage().contains(field), error.getMessage());
        assertTrue(error.getMessage().contains(value), error.getMessage());
    }

    @Test
    void defaultsAreDocumentedValues() {
        PlantConfig plant = PlantConfig.withDefaults(48.1, 11.6, ZoneId.of("Europe/Berlin"), 120.0);
        assertEquals(0.0, plant.altitudeMeters());
        assertEquals(100.0, plant.acCapacityKw(), 1e-12);
        assertEquals(20.0, plant.surfaceTiltDegrees());
        assertEquals(180.0, plant.surfaceAzimuthDegrees());
        assertEquals(-0.0037, plant.temperatureCoefficientPerC());
        assertEquals(0.14, plant.systemLossesFraction());
        assertEquals(0.2, plant.albedo());
        assertEquals(3.0, plant.linkeTurbidity(7));
        PlantConfig south = PlantConfig.withDefaults(-33.9, 18.4, ZoneId.of("Africa/Johannesburg"), 10.0);
        assertEquals(0.0, south.surfaceAzimuthDegrees(), "faces north in the southern hemisphere");
    }

    @Test
    void invalidValuesNameFieldAndValue() {
        assertRejected("latitude", "91.0", b -> b.latitude(91.0));
        assertRejected("longitude", "-181.0", b -> b.longitude(-181.0));
        assertRejected("altitude_meters", "12000.0", b -> b.altitudeMeters(12000.0));
        assertRejected("zone_id", "null", b -> b.zoneId(null));
        assertRejected("dc_capacity_kw", "0.0", b -> b.dcCapacityKw(0.0));
        assertRejected("ac_capacity_kw", "-5.0", b -> b.acCapacityKw(-5.0));
        assertRejected("surface_tilt_degrees", "-5.0", b -> b.surfaceTiltDegrees(-5.0));
        assertRejected("surface_azimuth_degrees", "360.0", b -> b.surfaceAzimuthDegrees(360.0));
        assertRejected("temperature_coefficient_per_c", "0.01", b -> b.temperatureCoefficientPerC(0.01));
        assertRejected("system_losses_fraction", "1.0", b -> b.systemLossesFraction(1.0));
        assertRejected("albedo", "NaN", b -> b.albedo(Double.NaN));
        assertRejected("linke_turbidity_by_month[3]", "0.5", b -> b.linkeTurbidityByMonth(
                new double[] {3, 3, 3, 0.5, 3, 3, 3, 3, 3, 3, 3, 3}));
        assertRejected("linke_turbidity_by_month", "[3.0, 3.0]", b -> b.linkeTurbidityByMonth(new double[] {3, 3}));
        assertRejected("latitude", "NaN", b -> b.latitude(Double.NaN));
    }

    @Test
    void monthlyValuesAreCopied() {
        double[] monthly = {2, 2, 3, 3, 4, 4, 5, 5, 4, 3, 2, 2};
        PlantConfig plant = valid().linkeTurbidityByMonth(monthly).build();
        monthly[0] = 9.0;
        assertEquals(2.0, plant.linkeTurbidity(1));
        plant.linkeTurbidityByMonth()[1] = 9.0;
        assertEquals(2.0, plant.linkeTurbidity(2));
        assertArrayEquals(new double[] {2, 2, 3, 3, 4, 4, 5, 5, 4, 3, 2, 2}, plant.linkeTurbidityByMonth());
    }

    @Test
    void equalityComparesMonthlyValues() {
        PlantConfig first = valid().linkeTurbidity(3.0).build();
        PlantConfig second = valid().linkeTurbidity(3.0).build();
        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
        assertNotEquals(first, valid().linkeTurbidity(3.5).build());
    }
}
