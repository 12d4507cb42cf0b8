package org.solarmarket.forecast.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forecasts and observations of a backtest, one entry per (issue time, target) row, all in kW.
 * Baselines are point forecasts keyed by name.
 */
public final class ScoredRows {

    private final double[] observed;
    private final double[] p10;
    private final double[] p50;
    private final double[] p90;
    private final double[] horizonMinutes;
    private final long[] targetEpochSeconds;
    private final Map<String, double[]> baselines = new LinkedHashMap<>();

    public ScoredRows(double[] observed, double[] p10, double[] p50, double[] p90, double[] horizonMinutes,
            long[] targetEpochSeconds) {
        int n = observed.length;
        if (p10.length != n || p50.length != n || p90.length != n || horizonMinutes.length != n
                || targetEpochSeconds.length != n) {
            throw new IllegalArgumentException("all columns must have " + n + " rows");
        }
        this.observed = observed;
        this.p10 = p10;
        this.p50 = p50;
        this.p90 = p90;
        this.horizonMinutes = horizonMinutes;
        this.targetEpochSeconds = targetEpochSeconds;
    }

    public ScoredRows withBaseline(String name, double[] forecast) {
        if (forecast.length != observed.length) {
            throw new IllegalArgumentException("baseline " + name + " has " + forecast.length + " rows, expected "
                    + observed.length);
        }
        baselines.put(name, forecast);
        return this;
    }

    /** Concatenates row sets with the same baselines, e.g. the test rows of every fold. */
    public static ScoredRows concat(java.util.List<ScoredRows> parts) {
        int n = parts.stream().mapToInt(ScoredRows::size).sum();
        double[][] columns = new double[5][n];
        long[] targets = new long[n];
        int offset = 0;
        for (ScoredRows part : parts) {
            int size = part.size();
            System.arraycopy(part.observed, 0, columns[0], offset, size);
            System.arraycopy(part.p10, 0, columns[1], offset, size);
            System.arraycopy(part.p50, 0, columns[2], offset, size);
            System.arraycopy(part.p90, 0, columns[3], offset, size);
            System.arraycopy(part.horizonMinutes, 0, columns[4], offset, size);
            System.arraycopy(part.targetEpochSeconds, 0, targets, offset, size);
            offset += size;
        }
        ScoredRows all = new ScoredRows(columns[0], columns[1], columns[2], columns[3], columns[4], targets);
        if (!parts.isEmpty()) {
            for (String name : parts.get(0).baselines.keySet()) {
                double[] merged = new double[n];
                int at = 0;
                for (ScoredRows part : parts) {
                    System.arraycopy(part.baselines.get(name), 0, merged, at, part.size());
                    at += part.size();
                }
                all.withBaseline(name, merged);
            }
        }
        return all;
    }

    public int size() {
        return observed.length;
    }

    public double[] observed() {
        return observed;
    }

    public double[] p10() {
        return p10;
    }

    public double[] p50() {
        return p50;
    }

    public double[] p90() {
        return p90;
    }

    public double[] horizonMinutes() {
        return horizonMinutes;
    }

    public long[] targetEpochSeconds() {
        return targetEpochSeconds;
    }

    public Map<String, double[]> baselines() {
        return baselines;
    }
}
