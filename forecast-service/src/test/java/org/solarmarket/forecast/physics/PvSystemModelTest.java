package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.solarmarket.forecast.plant.PlantConfig;

class PvSystemModelTest {

    private static final PlantConfig GOLDEN_PLANT = PlantConfig.builder()
            .latitude(39.742476).longitude(-105.1786).altitudeMeters(1830.14).zoneId(ZoneId.of("America/Denver"))
            .dcCapacityKw(100.0).acCapacityKw(85.0).surfaceTiltDegrees(30.0).surfaceAzimuthDegrees(180.0).build();

    static Instant[] series(Instant start, Duration step, int count) {
        Instant[] times = new Instant[count];
        for (int i = 0; i < count; i++) {
            times[i] = start.plus(step.multipliedBy(i));
        }
        return times;
    }

    @Test
    void clearSkyPowerFollowsTheSun() {
        PvSystemModel model = new PvSystemModel(GOLDEN_PLANT);
        Instant[] times = series(Instant.parse("2024-06-21T00:00:00Z"), Duration.ofMinutes(5), 288 * 3);
        double[] power = model.clearSkyAcPowerKw(times);
        SolarPosition[] positions = model.solarPositions(times);
        double peak = 0.0;
        for (int i = 0; i < times.length; i++) {
            assertTrue(power[i] >= 0.0 && power[i] <= GOLDEN_PLANT.acCapacityKw(), "power in range at " + times[i]);
            if (positions[i].apparentZenith() >= 90.0) {
                assertEquals(0.0, power[i], "night power at " + times[i]);
            }
            peak = Math.max(peak, power[i]);
        }
        // A 100 kW DC array tilted 30° at 1830 m in June: clear noon near 80 kW AC, limited by the 85 kW inverter.
        assertTrue(peak > 70.0, "clear-sky peak " + peak);
    }

    @Test
    void powerIsFiniteAndBoundedForRandomWeather() {
        SplittableRandom random = new SplittableRandom(42);
        for (int plantIndex = 0; plantIndex < 40; plantIndex++) {
            PlantConfig plant = PlantConfig.builder()
                    .latitude(random.nextDouble(-90.0, 90.0)).longitude(random.nextDouble(-180.0, 180.0))
                    .altitudeMeters(random.nextDouble(-400.0, 5000.0)).dcCapacityKw(random.nextDouble(0.5, 5000.0))
                    .acCapacityKw(random.nextDouble(0.5, 5000.0)).surfaceTiltDegrees(random.nextDouble(0.0, 90.0))
                    .surfaceAzimuthDegrees(random.nextDouble(0.0, 360.0)).albedo(random.nextDouble(0.0, 1.0))
                    .linkeTurbidity(random.nextDouble(1.0, 10.0)).build();
            PvSystemModel model = new PvSystemModel(plant, PvSystemModel.SkyModel.values()[plantIndex % 3],
                    PvSystemModel.TemperatureModel.values()[plantIndex % 2]);
            Instant[] times = series(Instant.ofEpochSecond(random.nextLong(0L, 4_000_000_000L)), Duration.ofMinutes(7),
                    300);
            double[] ghi = new double[times.length];
            double[] dni = new double[times.length];
            double[] dhi = new double[times.length];
            double[] temperature = new double[times.length];
            double[] wind = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                ghi[i] = random.nextDouble(-50.0, 1400.0);
                dni[i] = random.nextDouble(-50.0, 1100.0);
                dhi[i] = random.nextDouble(-50.0, 800.0);
                temperature[i] = random.nextDouble(-40.0, 50.0);
                wind[i] = random.nextDouble(0.0, 30.0);
            }
            ghi[0] = Double.NaN;
            temperature[1] = Double.NaN;
            double[] power = model.acPowerKw(times, ghi, dni, dhi, temperature, wind);
            double[] clear = model.clearSkyAcPowerKw(times);
            for (int i = 0; i < times.length; i++) {
                assertTrue(power[i] >= 0.0 && power[i] <= plant.acCapacityKw(), plant + " power " + power[i]);
                assertTrue(clear[i] >= 0.0 && clear[i] <= plant.acCapacityKw(), plant + " p_clear " + clear[i]);
            }
            ClearSkySeries sky = model.clearSky(times);
            assertTrue(Arrays.stream(sky.ghi()).allMatch(v -> v >= 0.0 && Double.isFinite(v)), "clear-sky ghi");
            assertTrue(Arrays.stream(sky.dni()).allMatch(v -> v >= 0.0 && Double.isFinite(v)), "clear-sky dni");
            assertTrue(Arrays.stream(sky.dhi()).allMatch(v -> v >= 0.0 && Double.isFinite(v)), "clear-sky dhi");
        }
    }
}
