package org.solarmarket.forecast.model;

import java.util.EnumMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.solarmarket.forecast.features.FeatureBuilder;
import org.solarmarket.forecast.features.WeatherInputs;

/** The three quantile boosters of one plant and weather setting, with their metadata. */
public final class QuantileModelSet {

    private final Map<QuantileLevel, Booster> boosters;
    private final ModelMetadata metadata;
    private final FeatureBuilder features;

    public QuantileModelSet(Map<QuantileLevel, Booster> boosters, ModelMetadata metadata) {
        if (boosters.size() != QuantileLevel.values().length) {
            throw new IllegalArgumentException("expected a booster per quantile, got " + boosters.keySet());
        }
        this.boosters = new EnumMap<>(boosters);
        this.metadata = metadata;
        this.features = new FeatureBuilder(WeatherInputs.fromKey(metadata.weatherInputs()));
        if (!features.names().equals(metadata.features())) {
            throw new IllegalArgumentException("model features " + metadata.features()
                    + " do not match this version's features " + features.names() + "; retrain the model");
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public FeatureBuilder features() {
        return features;
    }

    public Booster booster(QuantileLevel level) {
        return boosters.get(level);
    }

    /**
     * Predicts the normalised residual per quantile for dense rows.
     *
     * @return {@code [quantile][row]} in units of AC capacity
     */
    public double[][] predictResiduals(float[] rows, int rowCount) {
        double[][] result = new double[QuantileLevel.values().length][rowCount];
        if (rowCount == 0) {
            return result;
        }
        try {
            for (QuantileLevel level : QuantileLevel.values()) {
                // NOTE: XGBoost documents inplace_predict as thread-safe, so requests share boosters.
                float[][] predicted = boosters.get(level).inplace_predict(rows, rowCount, features.width(), Float.NaN);
                for (int r = 0; r < rowCount; r++) {
                    result[level.ordinal()][r] = predicted[r][0];
                }
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed for plant " + metadata.plantId(), e);
        }
        return result;
    }
}
