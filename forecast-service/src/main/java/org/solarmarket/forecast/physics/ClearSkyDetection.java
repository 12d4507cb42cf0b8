package org.solarmarket.forecast.physics;

import java.time.Duration;
import java.time.Instant;

/**
 * Detection of clear-sky periods in measured GHI after M. J. Reno and C. W. Hansen, "Identification of
 * periods of clear sky irradiance in time series of GHI measurements", Renewable Energy 90, 520-531,
 * 2016.
 *
 * <p>A sliding window of about {@value #WINDOW_MINUTES} minutes is clear when, against the modelled
 * clear sky scaled by a factor alpha, it passes all five criteria: mean and maximum differ by less
 * than {@value #MEAN_DIFF} and {@value #MAX_DIFF} W/m², the curve length differs by between
 * {@value #LOWER_LINE_LENGTH} and {@value #UPPER_LINE_LENGTH} W/m², the standard deviation of the
 * slopes over the mean GHI is below {@value #VAR_DIFF}, and no slope differs by more than
 * {@value #SLOPE_DEV} W/m². Alpha is refitted by least squares on the clear samples until the clear
 * set stops changing (at most {@value #MAX_ITERATIONS} rounds), so that a wrong prior turbidity
 * does not hide clear periods. The thresholds are the published ones for 1-minute data in 10-minute
 * windows, as pvlib's defaults.
 *
 * <p>NOTE: with 5- to 15-minute data the slope criteria are strict and few windows pass; for such data
 * sets a clear-sky column, where one exists, calibrates better.
 */
public final class ClearSkyDetection {

    static final int WINDOW_MINUTES = 10;
    static final double MEAN_DIFF = 75.0;
    static final double MAX_DIFF = 75.0;
    static final double LOWER_LINE_LENGTH = -5.0;
    static final double UPPER_LINE_LENGTH = 10.0;
    static final double VAR_DIFF = 0.005;
    static final double SLOPE_DEV = 8.0;
    static final int MAX_ITERATIONS = 20;

    private ClearSkyDetection() {
    }

    /**
     * Marks the clear samples of a series.
     *
     * @param times    evenly spaced instants, 1 to 15 minutes apart
     * @param measured measured GHI [W/m²]
     * @param modelled modelled clear-sky GHI [W/m²] at the same instants
     * @return true where the sample lies in at least one clear window
     */
    public static boolean[] detect(Instant[] times, double[] measured, double[] modelled) {
        int n = times.length;
        boolean[] clear = new boolean[n];
        if (n < 3) {
            return clear;
        }
        double stepMinutes = Duration.between(times[0], times[1]).toSeconds() / 60.0;
        if (!(stepMinutes >= 1.0 && stepMinutes <= 15.0)) {
            throw new InvalidInputException("times", stepMinutes + " min spacing", "must be 1 to 15 minutes apart");
        }
        int window = Math.max(3, (int) Math.round(WINDOW_MINUTES / stepMinutes) + 1);
        double alpha = 1.0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean[] next = windows(measured, modelled, alpha, window, stepMinutes);
            double previousAlpha = alpha;
            alpha = fitAlpha(measured, modelled, next, alpha);
            boolean unchanged = java.util.Arrays.equals(next, clear);
            clear = next;
            if (unchanged && Math.abs(alpha - previousAlpha) < 1e-6) {
                break;
            }
        }
        return clear;
    }

    private static boolean[] windows(double[] measured, double[] modelled, double alpha, int window,
            double stepMinutes) {
        int n = measured.length;
        boolean[] clear = new boolean[n];
        for (int start = 0; start + window <= n; start++) {
            if (isClearWindow(measured, modelled, alpha, start, window, stepMinutes)) {
                for (int i = start; i < start + window; i++) {
                    clear[i] = true;
                }
            }
        }
        return clear;
    }

    private static boolean isClearWindow(double[] measured, double[] modelled, double alpha, int start, int window,
            double stepMinutes) {
        double sumMeasured = 0.0;
        double sumModelled = 0.0;
        double maxMeasured = Double.NEGATIVE_INFINITY;
        double maxModelled = Double.NEGATIVE_INFINITY;
        double lengthMeasured = 0.0;
        double lengthModelled = 0.0;
        double slopeSum = 0.0;
        double slopeSquares = 0.0;
        double maxSlopeDifference = 0.0;
        for (int i = start; i < start + window; i++) {
            double m = measured[i];
            double c = alpha * modelled[i];
            if (!Double.isFinite(m) || !(c > 0.0)) {
                return false;
            }
            sumMeasured += m;
            sumModelled += c;
            maxMeasured = Math.max(maxMeasured, m);
            maxModelled = Math.max(maxModelled, c);
            if (i > start) {
                double slopeMeasured = m - measured[i - 1];
                double slopeModelled = c - alpha * modelled[i - 1];
                lengthMeasured += Math.hypot(slopeMeasured, stepMinutes);
                lengthModelled += Math.hypot(slopeModelled, stepMinutes);
                slopeSum += slopeMeasured;
                slopeSquares += slopeMeasured * slopeMeasured;
                maxSlopeDifference = Math.max(maxSlopeDifference, Math.abs(slopeMeasured - slopeModelled));
            }
        }
        double meanMeasured = sumMeasured / window;
        int slopes = window - 1;
        double slopeMean = slopeSum / slopes;
        double slopeVariance = Math.max(slopeSquares / slopes - slopeMean * slopeMean, 0.0) * slopes
                / Math.max(slopes - 1, 1);
        double lineLengthDifference = lengthMeasured - lengthModelled;
        return Math.abs(meanMeasured - sumModelled / window) < MEAN_DIFF
                && Math.abs(maxMeasured - maxModelled) < MAX_DIFF
                && lineLengthDifference > LOWER_LINE_LENGTH && lineLengthDifference < UPPER_LINE_LENGTH
                && meanMeasured > 0.0 && Math.sqrt(slopeVariance) / meanMeasured < VAR_DIFF
                && maxSlopeDifference < SLOPE_DEV;
    }

    /** Returns the least-squares scale of the model onto the clear samples, or the old one without any. */
    private static double fitAlpha(double[] measured, double[] modelled, boolean[] clear, double previous) {
        double numerator = 0.0;
        double denominator = 0.0;
        for (int i = 0; i < measured.length; i++) {
            if (clear[i]) {
                numerator += measured[i] * modelled[i];
                denominator += modelled[i] * modelled[i];
            }
        }
        return denominator > 0.0 ? numerator / denominator : previous;
    }
}
