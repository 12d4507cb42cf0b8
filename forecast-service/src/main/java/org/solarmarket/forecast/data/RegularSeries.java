package org.solarmarket.forecast.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Values on a regular UTC time grid: {@code values[i]} belongs to {@code start + i * step}. A
 * missing value is {@code NaN}.
 */
public record RegularSeries(Instant start, Duration step, double[] values) {

    public RegularSeries {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
    }

    public int size() {
        return values.length;
    }

    public Instant time(int index) {
        return start.plus(step.multipliedBy(index));
    }

    public Instant end() {
        return time(values.length);
    }

    public Instant[] times() {
        Instant[] times = new Instant[values.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = time(i);
        }
        return times;
    }

    /** Returns the grid index of {@code time}, or -1 when it lies off the grid or outside it. */
    public int indexOf(Instant time) {
        long offsetSeconds = Duration.between(start, time).getSeconds();
        long stepSeconds = step.getSeconds();
        if (offsetSeconds < 0 || offsetSeconds % stepSeconds != 0) {
            return -1;
        }
        long index = offsetSeconds / stepSeconds;
        return index < values.length ? (int) index : -1;
    }

    /** Returns the value at {@code time}, or NaN when the time is off the grid or outside it. */
    public double valueAt(Instant time) {
        int index = indexOf(time);
        return index < 0 ? Double.NaN : values[index];
    }

    public RegularSeries withValues(double[] newValues) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException("expected " + values.length + " values, got " + newValues.length);
        }
        return new RegularSeries(start, step, newValues);
    }

    /** Copies the grid points in [from, to) onto a new series on the same step. */
    public RegularSeries slice(Instant from, Instant to) {
        long stepSeconds = step.getSeconds();
        long first = Math.max(0, Math.ceilDiv(Duration.between(start, from).getSeconds(), stepSeconds));
        long last = Math.min(values.length, Math.ceilDiv(Duration.between(start, to).getSeconds(), stepSeconds));
        if (last <= first) {
            return new RegularSeries(time((int) Math.min(first, values.length)), step, new double[0]);
        }
        return new RegularSeries(time((int) first), step, Arrays.copyOfRange(values, (int) first, (int) last));
    }

    /** Counts the values that are not NaN. */
    public int countPresent() {
        int count = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                count++;
            }
        }
        return count;
    }
}
