package org.solarmarket.forecast.evaluation;

import java.util.Map;

/**
 * Metrics of one horizon band on daylight rows.
 *
 * @param band       band label such as "1-6 h", or "all"
 * @param rows       daylight rows scored
 * @param model      the quantile model's scores
 * @param baselines  point scores per baseline name
 * @param maeSkill   1 - MAE(model P50) / MAE(baseline), per baseline
 * @param pinballSkill 1 - pinball(model) / pinball(baseline), per baseline
 */
public record BandMetrics(String band, int rows, QuantileScores model, Map<String, PointScores> baselines,
        Map<String, Double> maeSkill, Map<String, Double> pinballSkill) {
}
