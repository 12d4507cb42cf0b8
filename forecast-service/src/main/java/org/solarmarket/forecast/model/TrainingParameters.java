package org.solarmarket.forecast.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one training run.
 *
 * @param maxRounds            upper bound on boosting rounds (trees per quantile)
 * @param learningRate         shrinkage {@code eta}
 * @param maxLeaves            leaves per tree, grown loss-guided
 * @param subsample            row fraction per tree
 * @param columnSample         feature fraction per tree
 * @param folds                expanding-window time-series folds
 * @param earlyStoppingRounds  rounds without improvement of the validation pinball loss that end
 *                             a fold's training
 * @param horizonsPerTarget    horizon bands sampled per training target (1 to 4)
 * @param threads              XGBoost threads of one booster; the trainer fits several boosters at once
 * @param maxBin               histogram bins per feature
 * @param minChildWeight       minimum hessian sum per leaf; the quantile loss has a hessian of 1
 *                             per row, so this is the minimum rows per leaf
 * @param seed                 seed of row sampling and of XGBoost
 */
public record TrainingParameters(
        int maxRounds,
        double learningRate,
        int maxLeaves,
        double subsample,
        double columnSample,
        int folds,
        int earlyStoppingRounds,
        int horizonsPerTarget,
        int threads,
        int maxBin,
        double minChildWeight,
        long seed) {

    public static TrainingParameters defaults() {
        return new TrainingParameters(400, 0.05, 64, 0.8, 0.8, 3, 30, 2, 1, 256, 50, 42);
    }

    public TrainingParameters withHorizonsPerTarget(int horizons) {
        return new TrainingParameters(maxRounds, learningRate, maxLeaves, subsample, columnSample, folds,
                earlyStoppingRounds, horizons, threads, maxBin, minChildWeight, seed);
    }

    public TrainingParameters withMaxRounds(int rounds) {
        return new TrainingParameters(rounds, learningRate, maxLeaves, subsample, columnSample, folds,
                earlyStoppingRounds, horizonsPerTarget, threads, maxBin, minChildWeight, seed);
    }

    public TrainingParameters withLearningRate(double eta) {
        return new TrainingParameters(maxRounds, eta, maxLeaves, subsample, columnSample, folds,
                earlyStoppingRounds, horizonsPerTarget, threads, maxBin, minChildWeight, seed);
    }

    public TrainingParameters withMaxBin(int bins) {
        return new TrainingParameters(maxRounds, learningRate, maxLeaves, subsample, columnSample, folds,
                earlyStoppingRounds, horizonsPerTarget, threads, bins, minChildWeight, seed);
    }

    public TrainingParameters withThreads(int count) {
        return new TrainingParameters(maxRounds, learningRate, maxLeaves, subsample, columnSample, folds,
                earlyStoppingRounds, horizonsPerTarget, count, maxBin, minChildWeight, seed);
    }

    /** XGBoost booster parameters for one quantile. */
    public Map<String, Object> boosterParameters(QuantileLevel quantile) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "reg:quantileerror");
        params.put("quantile_alpha", quantile.alpha());
        params.put("tree_method", "hist");
        params.put("grow_policy", "lossguide");
        params.put("max_leaves", maxLeaves);
        params.put("max_depth", 0);
        params.put("eta", learningRate);
        params.put("subsample", subsample);
        params.put("colsample_bytree", columnSample);
        params.put("max_bin", maxBin);
        params.put("min_child_weight", minChildWeight);
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("eval_metric", "quantile");
        params.put("verbosity", 0);
        return params;
    }
}
