package org.solarmarket.forecast.dataset;

import java.util.Arrays;
import org.solarmarket.forecast.data.RegularSeries;

/**
 * Estimates a plant's capacities from its measured power when the operator does not state them.
 * AC capacity is the 99.9th percentile of power, which ignores a few spikes. DC capacity is the
 * 97th percentile of measured power over the clear-sky power of a 1 kW DC array, taken where
 * that array would make at least 0.3 kW. Clear moments sit at the top of that ratio, and cloud
 * enhancement only reaches the last few percent.
 */
public final class CapacityCalibration {

    static final double AC_PERCENTILE = 0.999;
    static final double DC_RATIO_PERCENTILE = 0.97;
    static final double MIN_UNIT_CLEAR_SKY_KW = 0.3;

    /** Capacities in kW. */
    public record Capacities(double dcKw, double acKw) {
    }

    private CapacityCalibration() {
    }

    /**
     * @param power              measured AC power [kW]
     * @param unitClearSkyPowerKw clear-sky AC power of the same array scaled to 1 kW DC, unclipped
     */
    public static Capacities estimate(RegularSeries power, double[] unitClearSkyPowerKw) {
        double[] present = Arrays.stream(power.values()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length == 0) {
            throw new IllegalArgumentException("cannot estimate capacity: the power series has no values");
        }
        double ac = present[(int) Math.min(present.length - 1, Math.floor(AC_PERCENTILE * present.length))];
        double[] ratios = new double[power.size()];
        int count = 0;
        for (int i = 0; i < power.size(); i++) {
            double value = power.values()[i];
            if (!Double.isNaN(value) && unitClearSkyPowerKw[i] >= MIN_UNIT_CLEAR_SKY_KW) {
                ratios[count++] = value / unitClearSkyPowerKw[i];
            }
        }
        if (count == 0 || !(ac > 0)) {
            throw new IllegalArgumentException("cannot estimate capacity: no daylight power above 0");
        }
        double[] sorted = Arrays.copyOf(ratios, count);
        Arrays.sort(sorted);
        double dc = sorted[(int) Math.min(count - 1, Math.floor(DC_RATIO_PERCENTILE * count))];
        return new Capacities(dc, ac);
    }
}
