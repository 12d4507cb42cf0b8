package org.solarmarket.forecast.support;

import java.nio.file.Path;
import org.solarmarket.forecast.dataset.DatasetLoader;
import org.solarmarket.forecast.dataset.LoadedPlant;
import org.solarmarket.forecast.dataset.PlantDefinition;
import org.solarmarket.forecast.features.FeatureBuilder;
import org.solarmarket.forecast.features.PlantTimeline;
import org.solarmarket.forecast.features.WeatherInputs;
import org.solarmarket.forecast.model.QuantileTrainer;
import org.solarmarket.forecast.model.TrainingOutcome;
import org.solarmarket.forecast.model.TrainingParameters;
import org.solarmarket.forecast.model.TrainingProgress;

/** The primary plant loaded once per test JVM, and small models trained on a slice of it. */
public final class PrimaryPlant {

    /** 120 days from 2012-06-01 (summer and autumn, with the May 2012 gap before it). */
    public static final int SLICE_START = 96 * 413;
    public static final int SLICE_LENGTH = 96 * 120;

    private static LoadedPlant plant;

    private PrimaryPlant() {
    }

    public static synchronized LoadedPlant load() {
        if (plant == null) {
            Path dataDir = TestData.dataDir();
            PlantDefinition definition = PlantDefinition.builtIn("system50", dataDir).orElseThrow();
            plant = DatasetLoader.load("system50", definition.dataset(), definition.site());
        }
        return plant;
    }

    public static PlantTimeline slice() {
        return load().timeline().slice(SLICE_START, SLICE_START + SLICE_LENGTH);
    }

    /** Small and fast settings: few trees, so a test trains in seconds. */
    public static TrainingParameters smallParameters() {
        return TrainingParameters.defaults().withMaxRounds(40);
    }

    public static TrainingOutcome trainSmall(WeatherInputs inputs) {
        return new QuantileTrainer(smallParameters(), TrainingProgress.silent())
                .train("system50", slice(), new FeatureBuilder(inputs), load().config().dcCapacityKw());
    }
}
