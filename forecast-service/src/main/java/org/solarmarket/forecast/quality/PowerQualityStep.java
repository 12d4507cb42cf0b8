package org.solarmarket.forecast.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.solarmarket.forecast.data.RegularSeries;
import org.solarmarket.forecast.data.TimedValues;

/**
 * Cleans a measured power series before training: corrects a DST clock shift when one is
 * detected, clips negative night readings (inverter tare) to 0, places the samples on a regular
 * grid with NaN in the gaps, and reports every change.
 */
public final class PowerQualityStep {

    private static final Logger LOG = Logger.getLogger(PowerQualityStep.class);

    /** Cleaned series and the report of what changed. */
    public record Result(RegularSeries power, DataQualityReport report) {
    }

    private PowerQualityStep() {
    }

    /**
     * @param power  samples as labelled in the file [kW]
     * @param step   the logging interval
     * @param dstZone zone whose DST rules the logger clock may follow; empty to skip the test
     */
    public static Result clean(String seriesName, TimedValues power, Duration step, Optional<ZoneId> dstZone) {
        if (power.size() == 0) {
            throw new IllegalArgumentException("power series " + seriesName + " is empty");
        }
        ClockShiftFinding finding = dstZone
                .map(zone -> ClockShiftDetector.detect(power, zone))
                .orElse(new ClockShiftFinding(ZoneOffset.UTC, false, Double.NaN, List.of()));

        Instant[] times = power.times().clone();
        int shifted = 0;
        if (finding.detected()) {
            ZoneId zone = finding.zone();
            ZoneOffset standard = zone.getRules().getStandardOffset(times[0]);
            for (int i = 0; i < times.length; i++) {
                Duration saving = ClockShiftDetector.savingAtLabel(times[i], zone, standard);
                if (!saving.isZero()) {
                    times[i] = times[i].minus(saving);
                    shifted++;
                }
            }
            LOG.infof("[series %s] DST clock shift detected (median centroid jump %.1f min): moved %d rows back",
                    seriesName, finding.medianJumpMinutes(), shifted);
        }

        long stepSeconds = step.getSeconds();
        Instant start = Arrays.stream(times).min(Instant::compareTo).orElseThrow();
        start = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), stepSeconds) * stepSeconds);
        Instant last = Arrays.stream(times).max(Instant::compareTo).orElseThrow();
        int gridRows = (int) (Duration.between(start, last).getSeconds() / stepSeconds) + 1;
        double[] grid = new double[gridRows];
        boolean[] used = new boolean[gridRows];
        Arrays.fill(grid, Double.NaN);
        int duplicates = 0;
        int clipped = 0;
        double minimum = Double.POSITIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            long offset = Duration.between(start, times[i]).getSeconds();
            if (offset % stepSeconds != 0) {
                continue;
            }
            int slot = (int) (offset / stepSeconds);
            double value = power.values()[i];
            if (used[slot]) {
                duplicates++;
                continue;
            }
            used[slot] = true;
            if (!Double.isNaN(value)) {
                minimum = Math.min(minimum, value);
                if (value < 0) {
                    value = 0;
                    clipped++;
                }
            }
            grid[slot] = value;
        }

        RegularSeries cleaned = new RegularSeries(start, step, grid);
        List<DataQualityReport.Gap> gaps = findGaps(cleaned);
        int missing = gaps.stream().mapToInt(DataQualityReport.Gap::rows).sum();
        if (duplicates > 0) {
            LOG.infof("[series %s] dropped %d rows that repeated a stamp after the DST correction", seriesName, duplicates);
        }
        LOG.infof("[series %s] clipped %d negative readings, %d gaps with %d missing rows", seriesName, clipped,
                gaps.size(), missing);
        DataQualityReport report = new DataQualityReport(power.size(), finding, shifted, duplicates, clipped,
                minimum == Double.POSITIVE_INFINITY ? Double.NaN : minimum, gaps, missing, gridRows);
        return new Result(cleaned, report);
    }

    static List<DataQualityReport.Gap> findGaps(RegularSeries series) {
        List<DataQualityReport.Gap> gaps = new ArrayList<>();
        double[] values = series.values();
        int runStart = -1;
        for (int i = 0; i <= values.length; i++) {
            boolean missing = i < values.length && Double.isNaN(values[i]);
            if (missing && runStart < 0) {
                runStart = i;
            } else if (!missing && runStart >= 0) {
                gaps.add(new DataQualityReport.Gap(series.time(runStart), series.time(i - 1), i - runStart));
                runStart = -1;
            }
        }
        return gaps;
    }
}
