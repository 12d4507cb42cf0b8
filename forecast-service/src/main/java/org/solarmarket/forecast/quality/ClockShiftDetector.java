package org.solarmarket.forecast.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.solarmarket.forecast.data.TimedValues;

/**
 * Detects a logger clock that followed daylight saving time although its labels carry the zone's
 * fixed standard offset. Such a clock moves the whole daily power curve by the DST saving at each
 * transition, which no physical effect does: the sun's transit drifts by under a minute a week.
 *
 * <p>Steps: (1) compute each day's power-weighted centroid time on the standard-offset clock;
 * (2) at every transition of the zone inside the data, subtract the mean centroid of the seven
 * days before from that of the seven days after; (3) sign each jump by the clock change, so a
 * DST-following clock gives about +60 min everywhere; (4) declare a shift when the median signed
 * jump exceeds half the clock change.
 */
public final class ClockShiftDetector {

    private static final int WINDOW_DAYS = 7;
    private static final int MIN_DAYS_PER_SIDE = 3;

    private ClockShiftDetector() {
    }

    /**
     * @param power samples with their labelled instants; negative values count as 0
     * @param zone  the zone whose DST rules the clock may have followed
     */
    public static ClockShiftFinding detect(TimedValues power, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        ZoneOffset standard = rules.getStandardOffset(power.times()[0]);
        TreeMap<LocalDate, Double> centroids = dailyCentroids(power, standard);
        List<ClockShiftFinding.TransitionJump> jumps = new ArrayList<>();
        Instant end = power.times()[power.size() - 1];
        ZoneOffsetTransition transition = rules.nextTransition(power.times()[0]);
        while (transition != null && transition.getInstant().isBefore(end)) {
            LocalDate day = transition.getInstant().atOffset(standard).toLocalDate();
            double before = meanCentroid(centroids, day.minusDays(WINDOW_DAYS), day);
            double after = meanCentroid(centroids, day.plusDays(1), day.plusDays(1 + WINDOW_DAYS));
            if (!Double.isNaN(before) && !Double.isNaN(after)) {
                double expected = transition.getDuration().toSeconds() / 60.0;
                jumps.add(new ClockShiftFinding.TransitionJump(transition.getInstant(), expected, after - before));
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        if (jumps.isEmpty()) {
            return new ClockShiftFinding(zone, false, Double.NaN, List.of());
        }
        double[] signed = jumps.stream()
                .mapToDouble(jump -> jump.jumpMinutes() * Math.signum(jump.expectedMinutes()))
                .sorted()
                .toArray();
        double median = median(signed);
        double saving = Math.abs(jumps.get(0).expectedMinutes());
        return new ClockShiftFinding(zone, median > saving / 2, median, List.copyOf(jumps));
    }

    /** Power-weighted mean time of day [min after midnight], per day with enough energy. */
    static TreeMap<LocalDate, Double> dailyCentroids(TimedValues power, ZoneOffset clock) {
        TreeMap<LocalDate, double[]> sums = new TreeMap<>();
        for (int i = 0; i < power.size(); i++) {
            double value = power.values()[i];
            if (Double.isNaN(value) || value <= 0) {
                continue;
            }
            var local = power.times()[i].atOffset(clock);
            double minutes = local.getHour() * 60.0 + local.getMinute();
            double[] sum = sums.computeIfAbsent(local.toLocalDate(), d -> new double[3]);
            sum[0] += value * minutes;
            sum[1] += value;
            sum[2] = Math.max(sum[2], value);
        }
        double[] peaks = sums.values().stream().mapToDouble(s -> s[2]).sorted().toArray();
        double typicalPeak = peaks.length == 0 ? 0 : peaks[peaks.length / 2];
        TreeMap<LocalDate, Double> centroids = new TreeMap<>();
        sums.forEach((day, sum) -> {
            // Days with only a sliver of output (snow, long gaps) say little about the clock.
            if (sum[2] >= 0.2 * typicalPeak) {
                centroids.put(day, sum[0] / sum[1]);
            }
        });
        return centroids;
    }

    private static double meanCentroid(TreeMap<LocalDate, Double> centroids, LocalDate from, LocalDate to) {
        var window = centroids.subMap(from, true, to, false);
        if (window.size() < MIN_DAYS_PER_SIDE) {
            return Double.NaN;
        }
        return window.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double median(double[] sorted) {
        double[] copy = sorted.clone();
        Arrays.sort(copy);
        int n = copy.length;
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }

    /** Returns the DST saving in force at a labelled wall time, read on the zone's clock. */
    static Duration savingAtLabel(Instant labelled, ZoneId zone, ZoneOffset standard) {
        var wallTime = labelled.atOffset(standard).toLocalDateTime();
        Instant onZoneClock = wallTime.atZone(zone).toInstant();
        return zone.getRules().getDaylightSavings(onZoneClock);
    }
}
