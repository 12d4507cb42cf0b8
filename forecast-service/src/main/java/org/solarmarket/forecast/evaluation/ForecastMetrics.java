package org.solarmarket.forecast.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.solarmarket.forecast.features.HorizonBand;

/** Scores a backtest per horizon band and overall. */
public final class ForecastMetrics {

    private ForecastMetrics() {
    }

    /** Pinball (quantile) loss of one forecast at level {@code alpha}. */
    public static double pinball(double alpha, double observed, double forecast) {
        double error = observed - forecast;
        return error >= 0 ? alpha * error : (alpha - 1) * error;
    }

    /** Returns one entry per horizon band, then one labelled "all". */
    public static List<BandMetrics> byBand(ScoredRows rows, double acCapacityKw) {
        List<BandMetrics> result = new ArrayList<>();
        for (HorizonBand band : HorizonBand.values()) {
            result.add(score(band.label(), rows, acCapacityKw,
                    r -> HorizonBand.of(rows.horizonMinutes()[r]) == band));
        }
        result.add(score("all", rows, acCapacityKw, r -> true));
        return result;
    }

    public static BandMetrics score(String label, ScoredRows rows, double acCapacityKw, IntPredicate include) {
        double[] y = rows.observed();
        int count = 0;
        double absolute = 0;
        double squared = 0;
        double[] pinballs = new double[3];
        int inside = 0;
        int[] below = new int[3];
        Map<String, double[]> baselineSums = new LinkedHashMap<>();
        rows.baselines().keySet().forEach(name -> baselineSums.put(name, new double[2]));
        for (int r = 0; r < rows.size(); r++) {
            if (!include.test(r)) {
                continue;
            }
            count++;
            double error = y[r] - rows.p50()[r];
            absolute += Math.abs(error);
            squared += error * error;
            pinballs[0] += pinball(0.1, y[r], rows.p10()[r]);
            pinballs[1] += pinball(0.5, y[r], rows.p50()[r]);
            pinballs[2] += pinball(0.9, y[r], rows.p90()[r]);
            if (y[r] >= rows.p10()[r] && y[r] <= rows.p90()[r]) {
                inside++;
            }
            below[0] += y[r] < rows.p10()[r] ? 1 : 0;
            below[1] += y[r] < rows.p50()[r] ? 1 : 0;
            below[2] += y[r] < rows.p90()[r] ? 1 : 0;
            for (Map.Entry<String, double[]> baseline : baselineSums.entrySet()) {
                double baselineError = y[r] - rows.baselines().get(baseline.getKey())[r];
                baseline.getValue()[0] += Math.abs(baselineError);
                baseline.getValue()[1] += baselineError * baselineError;
            }
        }
        int n = Math.max(1, count);
        double mae = absolute / n;
        double pinballMean = (pinballs[0] + pinballs[1] + pinballs[2]) / (3.0 * n);
        QuantileScores model = new QuantileScores(mae, 100 * mae / acCapacityKw, Math.sqrt(squared / n),
                pinballs[0] / n, pinballs[1] / n, pinballs[2] / n, pinballMean, (double) inside / n,
                (double) below[0] / n, (double) below[1] / n, (double) below[2] / n);
        Map<String, PointScores> baselines = new LinkedHashMap<>();
        Map<String, Double> maeSkill = new LinkedHashMap<>();
        Map<String, Double> pinballSkill = new LinkedHashMap<>();
        baselineSums.forEach((name, sums) -> {
            double baselineMae = sums[0] / n;
            PointScores scores = new PointScores(baselineMae, 100 * baselineMae / acCapacityKw, Math.sqrt(sums[1] / n),
                    baselineMae / 2);
            baselines.put(name, scores);
            maeSkill.put(name, 1 - mae / baselineMae);
            pinballSkill.put(name, 1 - pinballMean / scores.pinball());
        });
        return new BandMetrics(label, count, model, baselines, maeSkill, pinballSkill);
    }
}
