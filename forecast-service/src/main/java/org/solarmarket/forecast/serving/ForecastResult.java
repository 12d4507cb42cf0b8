package org.solarmarket.forecast.serving;

import java.time.Instant;
import java.util.List;

/**
 * A published forecast, powers in kW.
 *
 * @param plantId          plant forecast
 * @param issueTime        last measurement time the forecast may use
 * @param historyTime      issue time on the history's clock; differs from {@code issueTime} when
 *                         the request had no start time and the history was replayed
 * @param setting          "weather" or "no_weather"
 * @param weatherSource    provider of the weather inputs, or "none"
 * @param notes            why a fallback happened, and other remarks for the caller
 * @param times            target instants
 * @param p10              P10 power per target
 * @param p50              P50 power per target
 * @param p90              P90 power per target
 * @param clearSky         {@code p_clear} per target
 * @param clampedValues    quantile values moved into [0, AC capacity]
 * @param sortedRows       rows whose quantiles crossed and were sorted
 * @param acCapacityKw     plant AC capacity
 * @param modelTrainedAt   when the model used was trained
 */
public record ForecastResult(String plantId, Instant issueTime, Instant historyTime, String setting,
        String weatherSource, List<String> notes, Instant[] times, double[] p10, double[] p50, double[] p90,
        double[] clearSky, int clampedValues, int sortedRows, double acCapacityKw, Instant modelTrainedAt,
        int intervalMinutes) {
}
