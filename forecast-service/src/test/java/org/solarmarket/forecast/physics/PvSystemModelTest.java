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
            assertTrue(power[i] >= 0.0, "power in range at " + times[i]);
            assertTrue(power[i] <= GOLDEN_PLANT.acCapacityKw(), "power in range at " + times[i]);
            if (positions[i].apparentZenith() >= 90.0) {
                assertEquals(0.0, power[i], "night power at " + times[i]);
            }
            peak = Math.max(peak, power[i]);
        }
        // A 100 kW DC array tilted 30° at 1830 m in June: clear noon near 80 kW AC, limited by the 85 kW inverter.
        assertTrue(peak > 70.0, "clear-sky peak " + peak);
    }

    @Test
    void sunBehindArrayGivesNoPower() {
        // At winter noon at 40° N the Sun shines on the back of a vertical north-facing array.
        PlantConfig north = PlantConfig.builder().latitude(40.0).longitude(0.0).dcCapacityKw(10.0)
                .surfaceTiltDegrees(90.0).surfaceAzimuthDegrees(0.0).albedo(0.0).build();
        PvSystemModel model = new PvSystemModel(north);
        Instant[] noon = {Instant.parse("2024-12-21T12:00:00Z")};
        double[] power = model.acPowerKw(noon, new double[] {0.0}, new double[] {800.0}, new double[] {0.0},
                new double[] {5.0}, new double[] {2.0});
        assertEquals(0.0, power[0], "beam from behind the array");
        SolarPosition position = model.solarPositions(noon)[0];
        PvSystemModel.PlaneOfArray poa = model.planeOfArray(position, 1400.0, 300.0, 800.0, 100.0);
        assertEquals(0.0, poa.beam(), "beam part");
        assertTrue(poa.sky() > 0.0, "diffuse light still reaches the array: " + poa);
    }

    @Test
    void nightAndPolarNightGiveNoPower() {
        PlantConfig svalbard = PlantConfig.builder().latitude(78.22).longitude(15.65).dcCapacityKw(10.0)
                .zoneId(ZoneId.of("Arctic/Longyearbyen")).build();
        Instant[] day = series(Instant.parse("2024-12-21T00:00:00Z"), Duration.ofMinutes(1), 1440);
        double[] clear = new PvSystemModel(svalbard).clearSkyAcPowerKw(day);
        assertTrue(Arrays.stream(clear).allMatch(p -> p == 0.0), "polar night p_clear");
        ClearSkySeries sky = new PvSystemModel(svalbard).clearSky(day);
        assertTrue(Arrays.stream(sky.ghi()).allMatch(g -> g == 0.0), "polar night clear-sky GHI");
    }

    @Test
    void zenithNearNinetyStaysFinite() {
        PvSystemModel model = new PvSystemModel(GOLDEN_PLANT);
        // One-second steps across sunset on 2024-06-21 (about 02:32 UTC on the 22nd at Golden).
        Instant[] times = series(Instant.parse("2024-06-22T02:10:00Z"), Duration.ofSeconds(1), 3600);
        double[] power = model.clearSkyAcPowerKw(times);
        ClearSkySeries sky = model.clearSky(times);
        for (int i = 0; i < times.length; i++) {
            assertTrue(Double.isFinite(power[i]), "power at " + times[i]);
            assertTrue(power[i] >= 0.0, "power at " + times[i]);
            assertTrue(sky.ghi()[i] >= 0.0, "sky at " + times[i]);
            assertTrue(sky.dni()[i] >= 0.0, "sky at " + times[i]);
            assertTrue(sky.dhi()[i] >= 0.0, "sky at " + times[i]);
            if (sky.apparentZenith()[i] >= 90.0) {
                assertEquals(0.0, power[i], "after sunset at " + times[i]);
                assertEquals(0.0, sky.ghi()[i], "after sunset at " + times[i]);
            }
        }
        assertEquals(0.0, power[power.length - 1], "an hour after sunset");
    }

    @Test
    void ghiOnlyPowerMatchesSplitComponents() {
        PvSystemModel model = new PvSystemModel(GOLDEN_PLANT);
        Instant[] times = series(Instant.parse("2024-06-21T12:00:00Z"), Duration.ofMinutes(30), 24);
        ClearSkySeries clear = model.clearSky(times);
        double[] temperature = new double[times.length];
        double[] wind = new double[times.length];
        Arrays.fill(temperature, 20.0);
        Arrays.fill(wind, 1.0);
        double[] fromGhi = model.acPowerFromGhiKw(times, clear.ghi(), temperature, wind);
        double[] fromComponents = model.acPowerKw(times, clear.ghi(), clear.dni(), clear.dhi(), temperature, wind);
        double peak = Arrays.stream(fromComponents).max().orElseThrow();
        for (int i = 0; i < times.length; i++) {
            assertTrue(fromGhi[i] >= 0.0, "power at " + times[i]);
            // Erbs splits a clear sky into roughly its true parts, so the power agrees to within 10 % of peak.
            assertEquals(fromComponents[i], fromGhi[i], 0.1 * peak, "power at " + times[i]);
        }
    }

    @Test
    void clippingAtAcCapacity() {
        PlantConfig oversized = PlantConfig.builder().latitude(32.2).longitude(-111.0).altitudeMeters(700.0)
                .dcCapacityKw(200.0).acCapacityKw(100.0).surfaceTiltDegrees(30.0).build();
        Instant[] noon = {Instant.parse("2024-04-15T19:30:00Z")};
        double[] power = new PvSystemModel(oversized).clearSkyAcPowerKw(noon);
        assertEquals(100.0, power[0], 1e-9, "DC/AC ratio 2 clips at noon");
    }

    @Test
    void sameInstantsGiveSameResultWhateverTheirOrder() {
        PvSystemModel model = new PvSystemModel(GOLDEN_PLANT);
        Instant[] forward = series(Instant.parse("2024-03-01T00:00:00Z"), Duration.ofMinutes(37), 200);
        Instant[] backward = new Instant[forward.length];
        for (int i = 0; i < forward.length; i++) {
            backward[i] = forward[forward.length - 1 - i];
        }
        double[] a = model.clearSkyAcPowerKw(forward);
        double[] b = model.clearSkyAcPowerKw(backward);
        for (int i = 0; i < forward.length; i++) {
            assertEquals(a[i], b[forward.length - 1 - i], 1e-9, "at " + forward[i]);
        }
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
                assertTrue(power[i] >= 0.0, plant + " power " + power[i]);
                assertTrue(power[i] <= plant.acCapacityKw(), plant + " power " + power[i]);
                assertTrue(clear[i] >= 0.0, plant + " p_clear " + clear[i]);
                assertTrue(clear[i] <= plant.acCapacityKw(), plant + " p_clear " + clear[i]);
            }
            ClearSkySeries sky = model.clearSky(times);
            assertTrue(Arrays.stream(sky.ghi()).allMatch(v -> v >= 0.0), "clear-sky ghi");
            assertTrue(Arrays.stream(sky.ghi()).allMatch(v -> Double.isFinite(v)), "clear-sky ghi");
            assertTrue(Arrays.stream(sky.dni()).allMatch(v -> v >= 0.0), "clear-sky dni");
            assertTrue(Arrays.stream(sky.dni()).allMatch(v -> Double.isFinite(v)), "clear-sky dni");
            assertTrue(Arrays.stream(sky.dhi()).allMatch(v -> v >= 0.0), "clear-sky dhi");
            assertTrue(Arrays.stream(sky.dhi()).allMatch(v -> Double.isFinite(v)), "clear-sky dhi");
        }
    }
}
