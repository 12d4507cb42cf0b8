package org.solarmarket.forecast.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** Samples as read from a file: strictly increasing instants and their values (NaN = missing). */
public record TimedValues(Instant[] times, double[] values) {

    public TimedValues {
        if (times.length != values.length) {
            throw new IllegalArgumentException(times.length + " times but " + values.length + " values");
        }
    }

    public int size() {
        return times.length;
    }

    /**
     * Places samples that sit on the grid of {@code step} onto a regular series from the first to
     * the last sample. Grid points without a sample become NaN, samples off the grid are dropped.
     */
    public RegularSeries toRegular(Duration step) {
        if (times.length == 0) {
            return new RegularSeries(Instant.EPOCH, step, new double[0]);
        }
        long stepSeconds = step.getSeconds();
        Instant start = Instant.ofEpochSecond(Math.ceilDiv(times[0].getEpochSecond(), stepSeconds) * stepSeconds);
        long count = Duration.between(start, times[times.length - 1]).getSeconds() / stepSeconds + 1;
        double[] grid = new double[(int) Math.max(count, 0)];
        Arrays.fill(grid, Double.NaN);
        for (int i = 0; i < times.length; i++) {
            long offset = Duration.between(start, times[i]).getSeconds();
            if (offset >= 0 && offset % stepSeconds == 0 && offset / stepSeconds < grid.length) {
                grid[(int) (offset / stepSeconds)] = values[i];
            }
        }
        return new RegularSeries(start, step, grid);
    }

    /**
     * Interpolates linearly onto the grid points of {@code target}. A grid point gets NaN when the
     * samples around it are more than {@code maxGap} apart or either of them is missing.
     */
    public double[] interpolateOnto(RegularSeries target, Duration maxGap) {
        double[] result = new double[target.size()];
        int right = 0;
        long maxGapSeconds = maxGap.getSeconds();
        for (int i = 0; i < result.length; i++) {
            long t = target.time(i).getEpochSecond();
            while (right < times.length && times[right].getEpochSecond() < t) {
                right++;
            }
            if (right < times.length && times[right].getEpochSecond() == t) {
                result[i] = values[right];
            } else if (right == 0 || right == times.length) {
                result[i] = Double.NaN;
            } else {
                long t0 = times[right - 1].getEpochSecond();
                long t1 = times[right].getEpochSecond();
                if (t1 - t0 > maxGapSeconds) {
                    result[i] = Double.NaN;
                } else {
                    double weight = (double) (t - t0) / (t1 - t0);
                    result[i] = values[right - 1] + weight * (values[right] - values[right - 1]);
                }
            }
        }
        return result;
    }
}
