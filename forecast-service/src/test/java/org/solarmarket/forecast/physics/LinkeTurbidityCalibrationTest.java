package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.solarmarket.forecast.plant.PlantConfig;

class LinkeTurbidityCalibrationTest {

    private static final PlantConfig GOLDEN = PlantConfig.builder().latitude(39.742).longitude(-105.1727)
            .altitudeMeters(1800.0).zoneId(ZoneId.of("Etc/GMT+7")).dcCapacityKw(6.0).build();

    /** Ineichen GHI at 1-minute steps over two days with a turbidity of 2.2 in January and 4.1 in July. */
    private static double[][] syntheticDays(Instant[] times, boolean clouds) {
        double[] monthly = new double[12];
        Arrays.fill(monthly, 3.0);
        monthly[0] = 2.2;
        monthly[6] = 4.1;
        PlantConfig truth = GOLDEN.withLinkeTurbidityByMonth(monthly);
        // Constant monthly values: interpolation would blur them, so evaluate each instant with its month's value.
        double[] ghi = new double[times.length];
        SplittableRandom random = new SplittableRandom(3);
        PvSystemModel model = new PvSystemModel(truth);
        SolarPosition[] positions = model.solarPositions(times);
        Observer observer = Observer.at(GOLDEN.latitude(), GOLDEN.longitude(), GOLDEN.altitudeMeters());
        double cloudFactor = 1.0;
        for (int i = 0; i < times.length; i++) {
            int month = times[i].atZone(java.time.ZoneOffset.UTC).getMonthValue();
            double airMass = Atmosphere.absoluteAirMass(
                    Atmosphere.relativeAirMassKastenYoung1989(positions[i].apparentZenith()), observer.pressurePa());
            ghi[i] = ClearSkyModel.ineichen(positions[i].apparentZenith(), airMass, monthly[month - 1],
                    GOLDEN.altitudeMeters(), ExtraterrestrialIrradiance.fromDistance(
                            positions[i].earthSunDistance())).ghi();
            if (clouds) {
                // Broken clouds: every ~45 minutes a passing cloud cuts GHI to 30-70 % for a few minutes.
                if (cloudFactor == 1.0 && random.nextDouble() < 1.0 / 45.0) {
                    cloudFactor = random.nextDouble(0.3, 0.7);
                } else if (cloudFactor < 1.0 && random.nextDouble() < 0.25) {
                    cloudFactor = 1.0;
                }
                ghi[i] *= cloudFactor;
            }
        }
        return new double[][] {ghi};
    }

    private static Instant[] twoMonths() {
        List<Instant> times = new ArrayList<>();
        for (String day : List.of("2024-01-10T00:00:00Z", "2024-01-11T00:00:00Z", "2024-07-10T00:00:00Z",
                "2024-07-11T00:00:00Z")) {
            Instant start = Instant.parse(day);
            for (int minute = 0; minute < 1440; minute++) {
                times.add(start.plus(Duration.ofMinutes(minute)));
            }
        }
        return times.toArray(Instant[]::new);
    }

    @Test
    void clearSkyColumnRecoversTurbidity() {
        Instant[] times = twoMonths();
        double[] ghi = syntheticDays(times, false)[0];
        LinkeTurbidityCalibration.Result result = LinkeTurbidityCalibration.fromClearSkyGhi(GOLDEN, times, ghi);
        assertEquals(2.2, result.linkeTurbidityByMonth()[0], 1e-6, "January");
        assertEquals(4.1, result.linkeTurbidityByMonth()[6], 1e-6, "July");
        assertTrue(result.fitted(1));
        assertTrue(result.fitted(7));
        assertFalse(result.fitted(3), "March has no data");
        assertEquals(PlantConfig.DEFAULT_LINKE_TURBIDITY, result.linkeTurbidityByMonth()[2], "prior kept");
        assertEquals(2.2, result.applyTo(GOLDEN).linkeTurbidity(1), 1e-6);
    }

    @Test
    void measuredGhiWithCloudsRecoversTurbidity() {
        Instant[] times = twoMonths();
        double[] ghi = syntheticDays(times, true)[0];
        LinkeTurbidityCalibration.Result result = LinkeTurbidityCalibration.fromMeasuredGhi(GOLDEN, times, ghi);
        // Cloud edges that slip through the detection bias a month's median by a few hundredths at most.
        assertEquals(2.2, result.linkeTurbidityByMonth()[0], 0.05, "January " + Arrays.toString(
                result.samplesByMonth()));
        assertEquals(4.1, result.linkeTurbidityByMonth()[6], 0.05, "July");
    }

    @Test
    void cloudySamplesAreNotMarkedClear() {
        Instant[] times = twoMonths();
        double[] clearGhi = syntheticDays(times, false)[0];
        double[] cloudyGhi = syntheticDays(times, true)[0];
        boolean[] clear = ClearSkyDetection.detect(times, cloudyGhi, clearGhi);
        int cloudyMarkedClear = 0;
        int clearDaytime = 0;
        for (int i = 0; i < times.length; i++) {
            if (clear[i] && cloudyGhi[i] < 0.9 * clearGhi[i]) {
                cloudyMarkedClear++;
            }
            if (clear[i]) {
                clearDaytime++;
            }
        }
        assertEquals(0, cloudyMarkedClear, "cloud-shaded samples marked clear");
        assertTrue(clearDaytime > 600, "clear samples found: " + clearDaytime);
    }

    @Test
    void nsrdbClearSkyColumnGivesPlausibleTurbidity() throws IOException {
        String dir = System.getProperty("solarmarket.data.dir");
        assumeTrue(dir != null, "data folder not configured");
        Path file = Path.of(dir, "nrel_serf_east_2016", "serf_east_psm3_data.csv");
        assumeTrue(Files.isRegularFile(file), "missing " + file);
        List<Instant> times = new ArrayList<>();
        List<Double> clearGhi = new ArrayList<>();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        int ghiColumn = Arrays.asList(header).indexOf("ghi_clear");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            OffsetDateTime time = OffsetDateTime.parse(cells[0], format);
            // Only the HH:30 rows hold original hourly values; the others are interpolated.
            if (time.getMinute() == 30) {
                times.add(time.toInstant());
                clearGhi.add(Double.parseDouble(cells[ghiColumn]));
            }
        }
        Instant[] instants = times.toArray(Instant[]::new);
        double[] ghi = clearGhi.stream().mapToDouble(Double::doubleValue).toArray();
        LinkeTurbidityCalibration.Result result = LinkeTurbidityCalibration.fromClearSkyGhi(GOLDEN, instants, ghi);
        for (int month = 7; month <= 9; month++) {
            assertTrue(result.fitted(month), "month " + month);
            double value = result.linkeTurbidityByMonth()[month - 1];
            // NSRDB's clear sky carries summer water vapour, so July and August fit near 5.5 at this site.
            assertTrue(value > 1.5, "month " + month + ": " + value);
            assertTrue(value < 7.0, "month " + month + ": " + value);
        }
        assertTrue(result.linkeTurbidityByMonth()[6] > result.linkeTurbidityByMonth()[9], "July above October");
        // The fitted plant reproduces the column: median relative error of midday GHI below 5 %.
        PlantConfig fitted = result.applyTo(GOLDEN);
        ClearSkySeries modelled = new PvSystemModel(fitted).clearSky(instants);
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < ghi.length; i++) {
            if (ghi[i] > 300.0) {
                errors.add(Math.abs(modelled.ghi()[i] - ghi[i]) / ghi[i]);
            }
        }
        double median = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray()[errors.size() / 2];
        assertTrue(median < 0.05, "median relative error " + median);
    }
}
