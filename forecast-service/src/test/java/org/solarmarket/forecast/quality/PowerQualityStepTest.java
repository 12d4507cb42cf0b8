package org.solarmarket.forecast.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.forecast.data.CsvColumnMapping;
import org.solarmarket.forecast.data.CsvSeriesReader;
import org.solarmarket.forecast.data.RegularSeries;
import org.solarmarket.forecast.data.SeriesField;
import org.solarmarket.forecast.data.TimedValues;
import org.solarmarket.forecast.support.TestData;

class PowerQualityStepTest {

    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    private static final ZoneOffset MST = ZoneOffset.ofHours(-7);
    private static final double LONGITUDE = -105.1775;

    private static TimedValues raw;
    private static PowerQualityStep.Result cleaned;

    @BeforeAll
    static void readPrimarySet() {
        raw = CsvSeriesReader.read(TestData.primaryDir().resolve("system_50_ac_power_2_full_DST.csv"),
                CsvColumnMapping.parse("timestamp=measured_on;power=ac_power_2;power_unit=W"))
                .require(SeriesField.POWER);
        cleaned = PowerQualityStep.clean("system50", raw, Duration.ofMinutes(15), Optional.of(DENVER));
    }

    @Test
    void detectsDstShiftAtEveryTransition() {
        ClockShiftFinding finding = cleaned.report().clockShift();
        assertTrue(finding.detected());
        assertEquals(60, finding.medianJumpMinutes(), 20);
        assertTrue(finding.transitions().size() >= 3, "transitions " + finding.transitions());
        for (ClockShiftFinding.TransitionJump jump : finding.transitions()) {
            double signed = jump.jumpMinutes() * Math.signum(jump.expectedMinutes());
            assertTrue(signed > 30, "jump at " + jump.transition() + ": " + jump.jumpMinutes());
            assertTrue(signed < 90, "jump at " + jump.transition() + ": " + jump.jumpMinutes());
        }
    }

    @Test
    void correctedPeakStaysNearSolarNoonAllYear() {
        Map<LocalDate, Double> before = offsetsFromSolarNoon(raw);
        RegularSeries power = cleaned.power();
        Map<LocalDate, Double> after = offsetsFromSolarNoon(new TimedValues(power.times(), power.values()));

        double uncorrected = dstMinusStandardMedian(before);
        double corrected = dstMinusStandardMedian(after);
        assertEquals(60, uncorrected - corrected, 10, "the correction moves DST days by one hour");
        // What remains is the array's own seasonal shape: a south-south-east array peaks earlier
        // in summer, when the sun rises in the north-east.
        assertTrue(corrected > -30, "DST days minus standard days after correction " + corrected);
        assertTrue(corrected < 5, "DST days minus standard days after correction " + corrected);
        ClockShiftFinding recheck = ClockShiftDetector.detect(
                new TimedValues(power.times(), power.values()), DENVER);
        assertFalse(recheck.detected());
        assertEquals(0, recheck.medianJumpMinutes(), 15, "centroid jump left at the transitions");
        // Cloudy days scatter the daily centroid, so judge each calendar month by its median.
        Map<Integer, Double> monthlyAfter = monthlyMedians(after);
        Map<Integer, Double> monthlyBefore = monthlyMedians(before);
        monthlyAfter.forEach((month, offset) -> assertTrue(offset > -60 && offset < 5,
                "month " + month + " median centroid minus solar noon " + offset + " min"));
        long shiftedMonths = monthlyBefore.values().stream().filter(offset -> offset > 10).count();
        assertTrue(shiftedMonths >= 4, "months past solar noon before correction: " + monthlyBefore);
    }

    @Test
    void clipsTareAndMarksGaps() {
        DataQualityReport report = cleaned.report();
        assertEquals(27_876, report.negativeValuesClipped());
        assertEquals(-2.07e-3, report.minimumValueKw(), 1e-4);
        for (double value : cleaned.power().values()) {
            assertFalse(value < 0);
        }
        DataQualityReport.Gap longest = report.gaps().stream()
                .max((a, b) -> Integer.compare(a.rows(), b.rows())).orElseThrow();
        assertTrue(longest.rows() >= 342, "longest gap " + longest);
        assertTrue(longest.first().toString().startsWith("2012-05-25"), "longest gap " + longest);
        assertTrue(report.missingRows() >= 2_279, "missing " + report.missingRows());
        assertTrue(report.toMarkdown().contains("detected"));
    }

    @Test
    void leavesStandardTimeSeriesUnchanged() {
        TimedValues serf = CsvSeriesReader.read(TestData.serfEastDir().resolve("serf_east_15min_ac_power.csv"),
                CsvColumnMapping.parse("timestamp=measured_on;power=ac_power;power_unit=W")).require(SeriesField.POWER);
        PowerQualityStep.Result result = PowerQualityStep.clean("serf", serf, Duration.ofMinutes(15), Optional.of(DENVER));
        assertFalse(result.report().clockShift().detected());
        assertEquals(0, result.report().rowsShifted());
        assertEquals(10_000, result.power().size());
    }

    /** Daily power centroid minus solar noon [min], both on the MST clock. */
    private static Map<LocalDate, Double> offsetsFromSolarNoon(TimedValues power) {
        TreeMap<LocalDate, Double> centroids = ClockShiftDetector.dailyCentroids(power, MST);
        TreeMap<LocalDate, Double> offsets = new TreeMap<>();
        centroids.forEach((day, centroid) -> offsets.put(day, centroid - solarNoonMinutes(day)));
        return offsets;
    }

    /** Solar noon on the MST clock from Spencer's (1971) equation of time [min after midnight]. */
    private static double solarNoonMinutes(LocalDate day) {
        double b = 2 * Math.PI * (day.getDayOfYear() - 1) / 365.0;
        double equationOfTime = 229.18 * (0.000075 + 0.001868 * Math.cos(b) - 0.032077 * Math.sin(b)
                - 0.014615 * Math.cos(2 * b) - 0.040849 * Math.sin(2 * b));
        return 720 - 4 * (LONGITUDE + 105) - equationOfTime;
    }

    private static Map<Integer, Double> monthlyMedians(Map<LocalDate, Double> offsets) {
        Map<Integer, List<Double>> byMonth = new TreeMap<>();
        offsets.forEach((day, offset) -> byMonth.computeIfAbsent(day.getMonthValue(), m -> new ArrayList<>()).add(offset));
        Map<Integer, Double> medians = new TreeMap<>();
        byMonth.forEach((month, values) -> medians.put(month, median(values)));
        return medians;
    }

    private static double dstMinusStandardMedian(Map<LocalDate, Double> offsets) {
        List<Double> dst = new ArrayList<>();
        List<Double> standard = new ArrayList<>();
        offsets.forEach((day, offset) -> {
            boolean inDst = DENVER.getRules().isDaylightSavings(day.atTime(12, 0).atZone(DENVER).toInstant());
            (inDst ? dst : standard).add(offset);
        });
        return median(dst) - median(standard);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
