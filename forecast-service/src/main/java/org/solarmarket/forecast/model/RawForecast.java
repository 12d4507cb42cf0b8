package org.solarmarket.forecast.model;

import java.util.List;
import org.solarmarket.forecast.evaluation.ScoredRows;
import org.solarmarket.forecast.features.PlantTimeline;
import org.solarmarket.forecast.features.SampledRows;

/**
 * Model forecasts in kW before interval calibration, clamping and sorting, with what is needed
 * to publish and score them.
 */
public record RawForecast(double[] observed, double[] p10, double[] p50, double[] p90, double[] clear,
        double[] horizonMinutes, long[] targetEpochSeconds) {

    /** Converts normalised residual predictions {@code [quantile][row]} to power. */
    public static RawForecast of(PlantTimeline timeline, SampledRows rows, double[][] residuals) {
        int n = rows.size();
        double[][] power = new double[3][n];
        double[] observed = new double[n];
        double[] clear = new double[n];
        double[] horizons = new double[n];
        long[] targets = new long[n];
        double capacity = timeline.acCapacityKw();
        for (int r = 0; r < n; r++) {
            int target = rows.targetIndex()[r];
            clear[r] = timeline.clearSkyPowerKw()[target];
            for (int q = 0; q < 3; q++) {
                power[q][r] = clear[r] + residuals[q][r] * capacity;
            }
            observed[r] = timeline.powerKw()[target];
            horizons[r] = (target - rows.issueIndex()[r]) * timeline.step().toMinutes();
            targets[r] = timeline.time(target).getEpochSecond();
        }
        return new RawForecast(observed, power[0], power[1], power[2], clear, horizons, targets);
    }

    public static RawForecast concat(List<RawForecast> parts) {
        int n = parts.stream().mapToInt(part -> part.observed.length).sum();
        double[][] columns = new double[6][n];
        long[] targets = new long[n];
        int offset = 0;
        for (RawForecast part : parts) {
            int size = part.observed.length;
            double[][] source = {part.observed, part.p10, part.p50, part.p90, part.clear, part.horizonMinutes};
            for (int c = 0; c < columns.length; c++) {
                System.arraycopy(source[c], 0, columns[c], offset, size);
            }
            System.arraycopy(part.targetEpochSeconds, 0, targets, offset, size);
            offset += size;
        }
        return new RawForecast(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], targets);
    }

    public IntervalCalibration fitCalibration(double acCapacityKw) {
        return IntervalCalibration.fit(observed, p10, p90, clear, horizonMinutes, acCapacityKw);
    }

    /** Calibrates, clamps and sorts copies of the quantiles and pairs them with the observations. */
    public ScoredRows publish(String plantId, double acCapacityKw, IntervalCalibration calibration) {
        double[] low = p10.clone();
        double[] high = p90.clone();
        calibration.apply(low, high, clear, horizonMinutes);
        QuantileBand.Published band = QuantileBand.publish(plantId, low, p50, high, acCapacityKw);
        return new ScoredRows(observed, band.p10(), band.p50(), band.p90(), horizonMinutes, targetEpochSeconds);
    }
}
