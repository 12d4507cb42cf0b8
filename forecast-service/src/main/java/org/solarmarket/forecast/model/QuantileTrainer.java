package org.solarmarket.forecast.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.solarmarket.forecast.evaluation.Baselines;
import org.solarmarket.forecast.evaluation.ForecastMetrics;
import org.solarmarket.forecast.evaluation.ScoredRows;
import org.solarmarket.forecast.features.FeatureBuilder;
import org.solarmarket.forecast.features.HorizonBand;
import org.solarmarket.forecast.features.PlantTimeline;
import org.solarmarket.forecast.features.RowSampler;
import org.solarmarket.forecast.features.SampledRows;

/**
 * Trains the P10, P50 and P90 residual models of one plant and weather setting.
 *
 * <p>Steps:
 * <ol>
 *   <li>Cut the timeline into {@code folds + 1} consecutive blocks.</li>
 *   <li>For fold {@code k}, fit on targets before block {@code k}, holding the last 15 % of them
 *       out to pick the best iteration by early stopping. Forecast block {@code k} from issue
 *       times inside it, one row per horizon band and target, so every test timestamp is later
 *       than every training timestamp.</li>
 *   <li>Widen the fold's P10 and P90 by an {@link IntervalCalibration} fitted on forecasts made
 *       before its test block (its validation period and the test blocks of earlier folds), so
 *       the calibration never uses the block it is scored on.</li>
 *   <li>Fit the final models on the whole timeline with the median best iteration of the folds,
 *       and their calibration on the pooled out-of-sample forecasts of all folds.</li>
 * </ol>
 *
 * <p>The three quantiles of a step are fitted at the same time on separate threads, each with its
 * own DMatrix, because one XGBoost booster parallelises a tree's small split searches poorly: on
 * two cores, two single-threaded fits at once took about half the time of one two-threaded fit
 * after the other. The boosters are independent and seeded, so the models equal those of a
 * sequential run.
 */
public final class QuantileTrainer {

    static final double VALIDATION_FRACTION = 0.15;
    static final int MIN_ROUNDS = 10;

    private final TrainingParameters parameters;
    private final TrainingProgress progress;
    private final int concurrentFits;

    /** Creates a trainer that runs as many quantile fits at once as the cores allow, at most three. */
    public QuantileTrainer(TrainingParameters parameters, TrainingProgress progress) {
        this(parameters, progress, Runtime.getRuntime().availableProcessors() / parameters.threads());
    }

    /** Creates a trainer that runs up to {@code concurrentFits} quantile fits at once (at least one). */
    public QuantileTrainer(TrainingParameters parameters, TrainingProgress progress, int concurrentFits) {
        this.parameters = parameters;
        this.progress = progress;
        this.concurrentFits = Math.max(1, Math.min(QuantileLevel.values().length, concurrentFits));
    }

    /** One quantile's part of a fold: its best iteration and its residual forecasts. */
    private record QuantileFit(int bestIteration, double[] testResiduals, double[] validationResiduals) {
    }

    /** A task on one quantile that may fail inside XGBoost. */
    @FunctionalInterface
    private interface QuantileTask<T> {
        T run(QuantileLevel level) throws XGBoostError;
    }

    public TrainingOutcome train(String plantId, PlantTimeline timeline, FeatureBuilder builder, double dcCapacityKw) {
        long started = System.nanoTime();
        RowSampler sampler = new RowSampler(builder, parameters.seed());
        int n = timeline.size();
        int blocks = parameters.folds() + 1;
        List<FoldResult> folds = new ArrayList<>();
        Map<QuantileLevel, List<Integer>> bestIterations = new EnumMap<>(QuantileLevel.class);
        for (QuantileLevel level : QuantileLevel.values()) {
            bestIterations.put(level, new ArrayList<>());
        }
        try {
            for (int fold = 1; fold <= parameters.folds(); fold++) {
                int testStart = (int) ((long) n * fold / blocks);
                int testEnd = (int) ((long) n * (fold + 1) / blocks);
                int validationStart = (int) (testStart * (1 - VALIDATION_FRACTION));
                SampledRows train = sampler.sample(timeline, 0, validationStart, parameters.horizonsPerTarget(),
                        issue -> true);
                SampledRows validation = sampler.sample(timeline, validationStart, testStart,
                        parameters.horizonsPerTarget(), issue -> true);
                SampledRows test = sampler.sample(timeline, testStart, testEnd, HorizonBand.values().length,
                        issue -> issue >= testStart && !Double.isNaN(timeline.powerKw()[issue]));
                progress.step(String.format(Locale.ROOT,
                        "[%s %s] fold %d/%d: train %d rows before %s, validate %d, test %d rows %s to %s", plantId,
                        builder.inputs().key(), fold, parameters.folds(), train.size(), timeline.time(validationStart),
                        validation.size(), test.size(), timeline.time(testStart), timeline.time(testEnd - 1)));
                FoldResult result = trainFold(plantId, fold, timeline, builder, train, validation, test, testStart,
                        testEnd, folds.stream().map(FoldResult::raw).toList());
                result.bestIterations().forEach((level, best) -> bestIterations.get(level).add(best));
                folds.add(result);
            }

            SampledRows all = sampler.sample(timeline, 0, n, parameters.horizonsPerTarget(), issue -> true);
            Map<QuantileLevel, Booster> finals = forEachQuantile(level -> {
                int roundCount = Math.max(MIN_ROUNDS, median(bestIterations.get(level)) + 1);
                long fitStarted = System.nanoTime();
                DMatrix matrix = matrix(all);
                try {
                    Booster booster = XGBoost.train(matrix, parameters.boosterParameters(level), roundCount,
                            Map.of(), null, null);
                    booster.setFeatureNames(builder.names().toArray(String[]::new));
                    progress.step(String.format(Locale.ROOT, "[%s %s] final %s: %d rounds on %d rows in %.1f s",
                            plantId, builder.inputs().key(), level.key(), roundCount, all.size(),
                            (System.nanoTime() - fitStarted) / 1e9));
                    return booster;
                } finally {
                    matrix.dispose();
                }
            });
            Map<String, Integer> rounds = new LinkedHashMap<>();
            for (QuantileLevel level : QuantileLevel.values()) {
                rounds.put(level.key(), Math.max(MIN_ROUNDS, median(bestIterations.get(level)) + 1));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, List<Integer>> foldIterations = new LinkedHashMap<>();
            bestIterations.forEach((level, values) -> foldIterations.put(level.key(), List.copyOf(values)));
            ScoredRows pooled = ScoredRows.concat(folds.stream().map(FoldResult::rows).toList());
            IntervalCalibration calibration = RawForecast.concat(folds.stream().map(FoldResult::raw).toList())
                    .fitCalibration(timeline.acCapacityKw());
            progress.step(String.format(Locale.ROOT, "[%s %s] final interval calibration on %s test rows: "
                    + "P10 shift %s, P90 shift %s", plantId, builder.inputs().key(), calibration.rows(),
                    calibration.lowerShift(), calibration.upperShift()));
            ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, plantId, builder.inputs().key(),
                    builder.names(), org.solarmarket.forecast.model.ModelStore.modelFileNames(builder.inputs()),
                    Instant.now(), timeline.start(), timeline.time(n - 1), all.size(),
                    (int) timeline.step().toMinutes(), timeline.acCapacityKw(), dcCapacityKw, parameters, rounds,
                    foldIterations, calibration, seconds, ModelStore.xgboostVersion(),
                    ForecastMetrics.byBand(pooled, timeline.acCapacityKw()));
            return new TrainingOutcome(new QuantileModelSet(finals, metadata), folds, seconds);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed for plant " + plantId, e);
        }
    }

    private FoldResult trainFold(String plantId, int fold, PlantTimeline timeline, FeatureBuilder builder,
            SampledRows train, SampledRows validation, SampledRows test, int testStart, int testEnd,
            List<RawForecast> earlierFolds) throws XGBoostError {
        Map<QuantileLevel, QuantileFit> fits = forEachQuantile(level -> {
            long fitStarted = System.nanoTime();
            DMatrix trainMatrix = matrix(train);
            DMatrix validationMatrix = matrix(validation);
            try {
                float[] history = new float[parameters.maxRounds()];
                Booster booster = trainWithEarlyStopping(trainMatrix, validationMatrix, level, history);
                try {
                    int bestIteration = argMin(history, booster.getNumBoostedRound());
                    int[] range = {0, bestIteration + 1};
                    double[] testResiduals = column(booster.inplace_predict(test.features(), test.size(),
                            test.width(), Float.NaN, range));
                    double[] validationResiduals = column(booster.inplace_predict(validation.features(),
                            validation.size(), validation.width(), Float.NaN, range));
                    progress.step(String.format(Locale.ROOT,
                            "[%s %s] fold %d %s: best iteration %d (validation pinball %.5f) in %.1f s", plantId,
                            builder.inputs().key(), fold, level.key(), bestIteration, history[bestIteration],
                            (System.nanoTime() - fitStarted) / 1e9));
                    return new QuantileFit(bestIteration, testResiduals, validationResiduals);
                } finally {
                    booster.dispose();
                }
            } finally {
                trainMatrix.dispose();
                validationMatrix.dispose();
            }
        });
        Map<QuantileLevel, Integer> best = new EnumMap<>(QuantileLevel.class);
        double[][] residuals = new double[3][];
        double[][] validationResiduals = new double[3][];
        fits.forEach((level, fit) -> {
            best.put(level, fit.bestIteration());
            residuals[level.ordinal()] = fit.testResiduals();
            validationResiduals[level.ordinal()] = fit.validationResiduals();
        });
        List<RawForecast> calibrationSet = new ArrayList<>(earlierFolds);
        calibrationSet.add(RawForecast.of(timeline, validation, validationResiduals));
        IntervalCalibration calibration = RawForecast.concat(calibrationSet).fitCalibration(timeline.acCapacityKw());
        RawForecast testRaw = RawForecast.of(timeline, test, residuals);
        ScoredRows rows = testRaw.publish(plantId, timeline.acCapacityKw(), calibration);
        Baselines.attach(rows, timeline, test.issueIndex(), test.targetIndex());
        progress.step(String.format(Locale.ROOT, "[%s %s] fold %d interval calibration on %s earlier rows: "
                + "P10 shift %s, P90 shift %s (fractions of p_clear)", plantId, builder.inputs().key(), fold,
                calibration.rows(), calibration.lowerShift(), calibration.upperShift()));
        return new FoldResult(fold, timeline.time((int) (testStart * (1 - VALIDATION_FRACTION))),
                timeline.time(testStart), timeline.time(testEnd - 1).plus(timeline.step()), train.size(), best, rows,
                test.issueIndex(), test.targetIndex(), testRaw);
    }

    /**
     * Runs {@code task} for every quantile, up to {@link #concurrentFits} at once, and returns the
     * results by quantile. An XGBoost failure is rethrown once every task has ended, and any other
     * failure at once.
     */
    private <T> Map<QuantileLevel, T> forEachQuantile(QuantileTask<T> task) throws XGBoostError {
        Map<QuantileLevel, T> results = new EnumMap<>(QuantileLevel.class);
        if (concurrentFits == 1) {
            for (QuantileLevel level : QuantileLevel.values()) {
                results.put(level, task.run(level));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrentFits, runnable -> {
            Thread thread = new Thread(runnable, "quantile-fit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<QuantileLevel, Future<T>> futures = new EnumMap<>(QuantileLevel.class);
            for (QuantileLevel level : QuantileLevel.values()) {
                futures.put(level, pool.submit(() -> task.run(level)));
            }
            XGBoostError failure = null;
            for (Map.Entry<QuantileLevel, Future<T>> entry : futures.entrySet()) {
                try {
                    results.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof XGBoostError error) {
                        failure = failure == null ? error : failure;
                    } else if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    } else {
                        throw new IllegalStateException("fitting quantile " + entry.getKey().key() + " failed",
                                e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting the quantile models", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] column(float[][] predicted) {
        double[] values = new double[predicted.length];
        for (int r = 0; r < predicted.length; r++) {
            values[r] = predicted[r][0];
        }
        return values;
    }

    /**
     * Boosts one round at a time and stops when the validation pinball loss has not improved for
     * {@code earlyStoppingRounds} rounds. The loop is written out, rather than left to
     * {@code XGBoost.train}, because that method prints every round's score to stdout.
     */
    private Booster trainWithEarlyStopping(DMatrix train, DMatrix validation, QuantileLevel level, float[] history)
            throws XGBoostError {
        // Zero rounds only builds the booster. Naming the validation matrix puts it in the booster's
        // prediction cache, so each round's evaluation adds one tree instead of replaying all.
        Booster booster = XGBoost.train(train, parameters.boosterParameters(level), 0,
                Map.of("validation", validation), null, null);
        DMatrix[] watches = {validation};
        String[] names = {"validation"};
        int best = 0;
        for (int round = 0; round < parameters.maxRounds(); round++) {
            booster.update(train, round);
            history[round] = parseScore(booster.evalSet(watches, names, round));
            if (history[round] < history[best]) {
                best = round;
            } else if (round - best >= parameters.earlyStoppingRounds()) {
                break;
            }
        }
        return booster;
    }

    /** Reads the score from XGBoost's evaluation line such as {@code [12]	validation-quantile:0.0123}. */
    static float parseScore(String evaluation) {
        int colon = evaluation.lastIndexOf(':');
        return Float.parseFloat(evaluation.substring(colon + 1).trim());
    }

    private static int argMin(float[] history, int rounds) {
        int best = 0;
        for (int i = 1; i < rounds && i < history.length; i++) {
            if (history[i] < history[best]) {
                best = i;
            }
        }
        return best;
    }

    static DMatrix matrix(SampledRows rows) throws XGBoostError {
        DMatrix matrix = new DMatrix(rows.features(), rows.size(), rows.width(), Float.NaN);
        matrix.setLabel(rows.label());
        return matrix;
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
