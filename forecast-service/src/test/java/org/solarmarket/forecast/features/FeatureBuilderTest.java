package org.solarmarket.forecast.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.solarmarket.forecast.support.PrimaryPlant;

class FeatureBuilderTest {

    /** Index of power_lag_1 in a row: after the target features. */
    private static int lagOneColumn(FeatureBuilder builder) {
        return builder.names().indexOf("power_lag_1");
    }

    @Test
    void changingDataAfterIssueChangesNoRow() {
        PlantTimeline original = PrimaryPlant.slice();
        int issue = 96 * 30 + 40;
        for (WeatherInputs inputs : WeatherInputs.values()) {
            FeatureBuilder builder = new FeatureBuilder(inputs);
            PlantTimeline changed = scrambleAfter(original, issue, inputs == WeatherInputs.NO_WEATHER);
            for (int target = issue + 1; target <= issue + 288; target++) {
                float[] before = builder.row(original, issue, target);
                float[] after = builder.row(changed, issue, target);
                assertArrayEquals(before, after, inputs + " row for target " + target + " changed");
            }
        }
    }

    @Test
    void changingDataBeforeIssueChangesRows() {
        PlantTimeline original = PrimaryPlant.slice();
        int issue = 96 * 30 + 48;
        FeatureBuilder builder = new FeatureBuilder(WeatherInputs.NO_WEATHER);
        double[] power = original.powerKw().clone();
        power[issue] += 1.0;
        PlantTimeline changed = withPower(original, power);
        assertFalse(Arrays.equals(builder.row(original, issue, issue + 10), builder.row(changed, issue, issue + 10)));
    }

    /** Hourly y(1..10), issued after hour 7, horizons 1-3 with lag 1 (direct strategy). */
    @Test
    void lagsForLaterHoursUseOnlyIssueData() {
        int n = 10;
        double[] y = new double[n];
        double[] clear = new double[n];
        double[] zeros = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i + 1;
            clear[i] = 20;
        }
        PlantTimeline hourly = new PlantTimeline(Instant.parse("2020-06-01T00:00:00Z"), Duration.ofHours(1),
                ZoneOffset.UTC, 20, y, clear, zeros, zeros, null, null, null, null);
        FeatureBuilder builder = new FeatureBuilder(WeatherInputs.NO_WEATHER);
        int issue = 6;
        int lagOne = lagOneColumn(builder);
        int horizon = builder.names().indexOf("horizon_minutes");
        for (int target = 7; target <= 9; target++) {
            float[] row = builder.row(hourly, issue, target);
            assertEquals(7.0 / 20, row[lagOne], 1e-6, "lag 1 of hour " + (target + 1) + " must be y(7)");
            assertEquals((target - issue) * 60.0, row[horizon], 1e-6);
        }
        for (int column = 0; column < builder.width(); column++) {
            String name = builder.names().get(column);
            if (name.startsWith("power_lag") || name.startsWith("power_mean")) {
                float value = builder.row(hourly, issue, 9)[column];
                assertTrue(Float.isNaN(value) || value <= 7.0 / 20 + 1e-6, name + " = " + value + " uses data after hour 7");
            }
        }
    }

    @Test
    void rowSamplerKeepsIssueInsideAllowedRange() {
        PlantTimeline timeline = PrimaryPlant.slice();
        int from = 96 * 60;
        SampledRows rows = new RowSampler(new FeatureBuilder(WeatherInputs.WEATHER), 3)
                .sample(timeline, from, from + 96 * 10, 4, issue -> issue >= from);
        assertTrue(rows.size() > 1000, "rows " + rows.size());
        int[] perBand = new int[HorizonBand.values().length];
        for (int r = 0; r < rows.size(); r++) {
            assertTrue(rows.issueIndex()[r] >= from);
            assertTrue(rows.issueIndex()[r] < rows.targetIndex()[r]);
            assertTrue(timeline.isDaylight(rows.targetIndex()[r]));
            perBand[HorizonBand.of((rows.targetIndex()[r] - rows.issueIndex()[r]) * 15.0).ordinal()]++;
        }
        for (int count : perBand) {
            assertTrue(count > 100, "rows per band " + Arrays.toString(perBand));
        }
    }

    private static PlantTimeline scrambleAfter(PlantTimeline timeline, int issue, boolean weatherToo) {
        Random random = new Random(5);
        double[] power = timeline.powerKw().clone();
        for (int i = issue + 1; i < power.length; i++) {
            power[i] = random.nextDouble() * 3;
        }
        double[] ghi = timeline.ghi().clone();
        double[] temperature = timeline.airTemperature().clone();
        double[] weatherPower = timeline.weatherPowerKw().clone();
        if (weatherToo) {
            for (int i = issue + 1; i < ghi.length; i++) {
                ghi[i] = random.nextDouble() * 1000;
                temperature[i] = random.nextDouble() * 40;
                weatherPower[i] = random.nextDouble() * 3;
            }
        }
        return new PlantTimeline(timeline.start(), timeline.step(), timeline.zone(), timeline.acCapacityKw(), power,
                timeline.clearSkyPowerKw(), timeline.clearSkyGhi(), timeline.solarElevation(), ghi, temperature,
                timeline.windSpeed(), weatherPower);
    }

    private static PlantTimeline withPower(PlantTimeline timeline, double[] power) {
        return new PlantTimeline(timeline.start(), timeline.step(), timeline.zone(), timeline.acCapacityKw(), power,
                timeline.clearSkyPowerKw(), timeline.clearSkyGhi(), timeline.solarElevation(), timeline.ghi(),
                timeline.airTemperature(), timeline.windSpeed(), timeline.weatherPowerKw());
    }
}
