package org.solarmarket.forecast.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.solarmarket.forecast.features.HorizonBand;

/**
 * Shifts of P10 and P90 per horizon band, in units of {@code p_clear}, fitted on forecasts the
 * models did not train on (split-conformal quantile regression). Quantile trees that fit their
 * training rows closely give too narrow a band out of sample. The shift moves P10 so that 10 % of
 * the calibration observations fall below it, and P90 so that 90 % do. Scaling by {@code p_clear}
 * keeps the band at 0 when the sun is down and lets it grow with the available irradiance.
 *
 * @param lowerShift P10 shift per band label, as a fraction of {@code p_clear}
 * @param upperShift P90 shift per band label, as a fraction of {@code p_clear}
 * @param rows       calibration rows per band label
 */
public record IntervalCalibration(Map<String, Double> lowerShift, Map<String, Double> upperShift,
        Map<String, Integer> rows) {

    /** Clear-sky power below this fraction of capacity is too small to divide errors by. */
    static final double MIN_CLEAR_FRACTION = 0.05;
    static final int MIN_ROWS = 50;

    public static IntervalCalibration none() {
        return new IntervalCalibration(Map.of(), Map.of(), Map.of());
    }

    /**
     * Fits the shifts from published forecasts and observations, all in kW.
     *
     * @param clear clear-sky power at each row's target
     */
    public static IntervalCalibration fit(double[] observed, double[] p10, double[] p90, double[] clear,
            double[] horizonMinutes, double acCapacityKw) {
        Map<String, Double> lower = new LinkedHashMap<>();
        Map<String, Double> upper = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (HorizonBand band : HorizonBand.values()) {
            List<Double> lowScores = new ArrayList<>();
            List<Double> highScores = new ArrayList<>();
            for (int r = 0; r < observed.length; r++) {
                if (HorizonBand.of(horizonMinutes[r]) != band || clear[r] < MIN_CLEAR_FRACTION * acCapacityKw
                        || Double.isNaN(observed[r])) {
                    continue;
                }
                lowScores.add((observed[r] - p10[r]) / clear[r]);
                highScores.add((observed[r] - p90[r]) / clear[r]);
            }
            if (lowScores.size() < MIN_ROWS) {
                continue;
            }
            lower.put(band.label(), quantile(lowScores, QuantileLevel.P10.alpha()));
            upper.put(band.label(), quantile(highScores, QuantileLevel.P90.alpha()));
            counts.put(band.label(), lowScores.size());
        }
        return new IntervalCalibration(lower, upper, counts);
    }

    /** Applies the shifts in place to raw P10 and P90 power [kW]. */
    public void apply(double[] p10, double[] p90, double[] clear, double[] horizonMinutes) {
        for (int r = 0; r < p10.length; r++) {
            String band = HorizonBand.of(horizonMinutes[r]).label();
            p10[r] += lowerShift.getOrDefault(band, 0.0) * clear[r];
            p90[r] += upperShift.getOrDefault(band, 0.0) * clear[r];
        }
    }

    private static double quantile(List<Double> values, double alpha) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double position = alpha * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double weight = position - below;
        return sorted[below] * (1 - weight) + sorted[above] * weight;
    }
}
