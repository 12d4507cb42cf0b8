package org.solarmarket.forecast.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.solarmarket.forecast.evaluation.BandMetrics;

/**
 * Description of a saved model set (training data, parameters and scores), written next to the
 * XGBoost model files as JSON.
 *
 * @param formatVersion        version of this metadata layout
 * @param plantId              plant the models were trained for
 * @param weatherInputs        "weather" or "no_weather"
 * @param features             feature names in column order
 * @param modelFiles           model file name per quantile key (p10, p50, p90)
 * @param trainedAt            when training finished
 * @param trainingFrom         first grid instant of the training data
 * @param trainingTo           last grid instant of the training data
 * @param trainingRows         rows of the final fit
 * @param stepMinutes          grid step of the training data [min]
 * @param acCapacityKw         AC capacity used to normalise [kW]
 * @param dcCapacityKw         DC capacity used for {@code p_clear} [kW]
 * @param parameters           training settings
 * @param rounds               trees in the final model per quantile key
 * @param foldBestIterations   best iteration of each fold per quantile key
 * @param intervalCalibration P10/P90 shifts applied when publishing
 * @param trainingSeconds      wall time of cross-validation and final fit [s]
 * @param xgboostVersion       XGBoost4J version that wrote the files
 * @param validation           cross-validated metrics per horizon band
 */
public record ModelMetadata(
        int formatVersion,
        String plantId,
        String weatherInputs,
        List<String> features,
        Map<String, String> modelFiles,
        Instant trainedAt,
        Instant trainingFrom,
        Instant trainingTo,
        int trainingRows,
        int stepMinutes,
        double acCapacityKw,
        double dcCapacityKw,
        TrainingParameters parameters,
        Map<String, Integer> rounds,
        Map<String, List<Integer>> foldBestIterations,
        IntervalCalibration intervalCalibration,
        double trainingSeconds,
        String xgboostVersion,
        List<BandMetrics> validation) {

    public static final int FORMAT_VERSION = 1;
}
