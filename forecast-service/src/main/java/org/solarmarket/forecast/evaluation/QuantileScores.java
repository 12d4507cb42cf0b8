package org.solarmarket.forecast.evaluation;

/**
 * Scores of a P10/P50/P90 forecast. MAE, NMAE and RMSE are those of P50.
 *
 * @param mae            mean absolute error of P50 [kW]
 * @param nmaePercent    MAE in percent of AC capacity
 * @param rmse           root mean square error of P50 [kW]
 * @param pinballP10     pinball loss at alpha 0.1 [kW]
 * @param pinballP50     pinball loss at alpha 0.5 [kW]
 * @param pinballP90     pinball loss at alpha 0.9 [kW]
 * @param pinball        mean of the three pinball losses [kW]
 * @param coverage       fraction of observations inside [P10, P90]; 0.8 is ideal
 * @param belowP10       fraction of observations below P10; 0.1 is ideal
 * @param belowP50       fraction below P50; 0.5 is ideal
 * @param belowP90       fraction below P90; 0.9 is ideal
 */
public record QuantileScores(double mae, double nmaePercent, double rmse, double pinballP10, double pinballP50,
        double pinballP90, double pinball, double coverage, double belowP10, double belowP50, double belowP90) {
}
