package org.solarmarket.forecast.model;

import org.jboss.logging.Logger;

/**
 * The publishing step for quantile forecasts: clamps every quantile to [0, AC capacity] and sorts
 * each row so that P10 <= P50 <= P90. Quantile regressors trained one alpha at a time can cross
 * (XGBoost's {@code reg:quantileerror} makes no monotonicity promise), and an unconstrained
 * residual can push power below 0 or above the inverter limit. Both repairs are counted, so a
 * caller can report how often they happened.
 */
public final class QuantileBand {

    private static final Logger LOG = Logger.getLogger(QuantileBand.class);

    /** Published band and the repair counts. */
    public record Published(double[] p10, double[] p50, double[] p90, int clampedValues, int sortedRows) {
    }

    private QuantileBand() {
    }

    /**
     * @param p10           raw P10 power per row [kW]; the arrays are not modified
     * @param p50           raw P50 power per row [kW]
     * @param p90           raw P90 power per row [kW]
     * @param acCapacityKw  upper bound [kW]
     */
    public static Published publish(String plantId, double[] p10, double[] p50, double[] p90, double acCapacityKw) {
        int n = p10.length;
        double[] low = new double[n];
        double[] mid = new double[n];
        double[] high = new double[n];
        int clamped = 0;
        int sorted = 0;
        for (int i = 0; i < n; i++) {
            double[] row = {p10[i], p50[i], p90[i]};
            for (int q = 0; q < 3; q++) {
                double value = row[q];
                if (Double.isNaN(value)) {
                    throw new IllegalArgumentException("row " + i + " has a NaN quantile; the model input was invalid");
                }
                double bounded = Math.min(acCapacityKw, Math.max(0, value));
                if (bounded != value) {
                    clamped++;
                }
                row[q] = bounded;
            }
            if (row[0] > row[1] || row[1] > row[2]) {
                java.util.Arrays.sort(row);
                sorted++;
            }
            low[i] = row[0];
            mid[i] = row[1];
            high[i] = row[2];
        }
        if (clamped > 0 || sorted > 0) {
            LOG.debugf("[plant %s] published %d rows: %d values clamped to [0, %.3f kW], %d crossed rows sorted",
                    plantId, n, clamped, acCapacityKw, sorted);
        }
        return new Published(low, mid, high, clamped, sorted);
    }
}
