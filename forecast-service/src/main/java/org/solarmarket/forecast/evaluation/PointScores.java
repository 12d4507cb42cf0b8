package org.solarmarket.forecast.evaluation;

/**
 * Scores of a point forecast. A point forecast used as every quantile has a mean pinball loss
 * over alphas 0.1, 0.5 and 0.9 of exactly half its MAE.
 *
 * @param mae           mean absolute error [kW]
 * @param nmaePercent   MAE in percent of AC capacity
 * @param rmse          root mean square error [kW]
 * @param pinball       mean pinball loss over the three quantiles [kW]
 */
public record PointScores(double mae, double nmaePercent, double rmse, double pinball) {
}
