package org.solarmarket.forecast.model;

import java.time.Instant;
import java.util.Map;
import org.solarmarket.forecast.evaluation.ScoredRows;

/**
 * Out-of-sample forecasts of one cross-validation fold.
 *
 * @param fold           fold number from 1
 * @param trainTo        every training target is before this instant
 * @param testFrom       first test target (and earliest test issue time)
 * @param testTo         end of the test period (exclusive)
 * @param trainingRows   rows the fold was fit on
 * @param bestIterations best iteration per quantile, chosen on the inner validation period
 * @param rows           published test forecasts with their baselines
 * @param issueIndex     issue grid index per test row
 * @param targetIndex    target grid index per test row
 * @param raw            test forecasts before calibration, clamping and sorting
 */
public record FoldResult(int fold, Instant trainTo, Instant testFrom, Instant testTo, int trainingRows,
        Map<QuantileLevel, Integer> bestIterations, ScoredRows rows, int[] issueIndex, int[] targetIndex,
        RawForecast raw) {
}
