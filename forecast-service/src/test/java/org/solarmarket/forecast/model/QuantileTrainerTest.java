package org.solarmarket.forecast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.solarmarket.forecast.evaluation.BandMetrics;
import org.solarmarket.forecast.evaluation.ScoredRows;
import org.solarmarket.forecast.features.FeatureBuilder;
import org.solarmarket.forecast.features.PlantTimeline;
import org.solarmarket.forecast.features.WeatherInputs;
import org.solarmarket.forecast.support.PrimaryPlant;

class QuantileTrainerTest {

    private static TrainingOutcome outcome;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainSmallModel() {
        outcome = PrimaryPlant.trainSmall(WeatherInputs.WEATHER);
    }

    @Test
    void everyTestTimestampIsAfterEveryTrainingTimestamp() {
        PlantTimeline timeline = PrimaryPlant.slice();
        assertEquals(3, outcome.folds().size());
        for (FoldResult fold : outcome.folds()) {
            assertTrue(!fold.trainTo().isAfter(fold.testFrom()), "fold " + fold.fold());
            for (int r = 0; r < fold.issueIndex().length; r++) {
                assertTrue(!timeline.time(fold.issueIndex()[r]).isBefore(fold.testFrom()),
                        "fold " + fold.fold() + " test row issued before the test block");
                assertTrue(timeline.time(fold.targetIndex()[r]).isBefore(fold.testTo()));
            }
        }
    }

    @Test
    void publishedBacktestNeverCrossesOrLeavesBounds() {
        double capacity = PrimaryPlant.slice().acCapacityKw();
        int rows = 0;
        for (FoldResult fold : outcome.folds()) {
            ScoredRows scored = fold.rows();
            for (int r = 0; r < scored.size(); r++) {
                assertTrue(scored.p10()[r] <= scored.p50()[r], "P10 above P50 in fold " + fold.fold());
                assertTrue(scored.p50()[r] <= scored.p90()[r], "P50 above P90 in fold " + fold.fold());
                assertTrue(scored.p10()[r] >= 0);
                assertTrue(scored.p90()[r] <= capacity);
                rows++;
            }
        }
        assertTrue(rows > 5000, "backtest rows " + rows);
    }

    @Test
    void smallModelBeatsClearSkyBaseline() {
        List<BandMetrics> metrics = outcome.models().metadata().validation();
        BandMetrics all = metrics.get(metrics.size() - 1);
        assertEquals("all", all.band());
        assertTrue(all.maeSkill().get("clear_sky") > 0.3, "skill vs clear sky " + all.maeSkill());
        assertTrue(all.model().coverage() > 0.5 && all.model().coverage() < 0.95, "coverage " + all.model().coverage());
    }

    @Test
    void savedModelLoadsAndPredictsTheSame() throws Exception {
        ModelStore store = new ModelStore(dir);
        store.save(outcome.models());
        assertTrue(Files.isRegularFile(dir.resolve("system50/weather-p50.ubj")));
        String metadata = Files.readString(dir.resolve("system50/weather-metadata.json"));
        assertTrue(metadata.contains("\"weather_inputs\" : \"weather\""), metadata.substring(0, 200));
        assertTrue(metadata.contains("\"xgboost_version\" : \"3.4.0\""));
        QuantileModelSet loaded = store.load("system50", WeatherInputs.WEATHER).orElseThrow();
        var sampled = new org.solarmarket.forecast.features.RowSampler(loaded.features(), 1)
                .sample(PrimaryPlant.slice(), 96 * 100, 96 * 101, 2, issue -> true);
        double[][] expected = outcome.models().predictResiduals(sampled.features(), sampled.size());
        double[][] actual = loaded.predictResiduals(sampled.features(), sampled.size());
        for (int q = 0; q < 3; q++) {
            assertArrayEquals(expected[q], actual[q], 1e-7);
        }
        assertEquals(outcome.models().metadata().rounds(), loaded.metadata().rounds());
    }

    @Test
    void concurrentFitsEqualSequentialFits() throws Exception {
        PlantTimeline timeline = PrimaryPlant.slice();
        double dcKw = PrimaryPlant.load().config().dcCapacityKw();
        TrainingOutcome sequential = new QuantileTrainer(PrimaryPlant.smallParameters(), TrainingProgress.silent(), 1)
                .train("system50", timeline, new FeatureBuilder(WeatherInputs.WEATHER), dcKw);
        TrainingOutcome concurrent = new QuantileTrainer(PrimaryPlant.smallParameters(), TrainingProgress.silent(), 3)
                .train("system50", timeline, new FeatureBuilder(WeatherInputs.WEATHER), dcKw);
        assertEquals(sequential.models().metadata().foldBestIterations(),
                concurrent.models().metadata().foldBestIterations());
        for (int f = 0; f < sequential.folds().size(); f++) {
            assertArrayEquals(sequential.folds().get(f).rows().p50(), concurrent.folds().get(f).rows().p50(),
                    "fold " + (f + 1) + " P50 backtest");
            assertArrayEquals(sequential.folds().get(f).rows().p90(), concurrent.folds().get(f).rows().p90(),
                    "fold " + (f + 1) + " P90 backtest");
        }
        for (QuantileLevel level : QuantileLevel.values()) {
            assertArrayEquals(sequential.models().booster(level).toByteArray("ubj"),
                    concurrent.models().booster(level).toByteArray("ubj"), "final " + level.key() + " model");
        }
    }
}
