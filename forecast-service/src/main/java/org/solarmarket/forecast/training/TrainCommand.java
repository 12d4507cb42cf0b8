package org.solarmarket.forecast.training;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.solarmarket.forecast.dataset.DatasetLoader;
import org.solarmarket.forecast.dataset.LoadedPlant;
import org.solarmarket.forecast.dataset.PlantDefinition;
import org.solarmarket.forecast.features.FeatureBuilder;
import org.solarmarket.forecast.features.WeatherInputs;
import org.solarmarket.forecast.model.ModelStore;
import org.solarmarket.forecast.model.QuantileTrainer;
import org.solarmarket.forecast.model.TrainingOutcome;
import org.solarmarket.forecast.model.TrainingProgress;

/**
 * Trains a plant's quantile models and writes them with an evaluation report. Runs outside
 * Quarkus: {@code bin/train} or
 * {@code java -cp "forecast-service/target/quarkus-app/lib/main/*:forecast-service/target/classes"
 * org.solarmarket.forecast.training.TrainCommand --plant system50}.
 */
public final class TrainCommand {

    private TrainCommand() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        java.util.logging.Logger.getLogger("ml.dmlc").setLevel(java.util.logging.Level.WARNING);
        TrainOptions options;
        try {
            options = TrainOptions.parse(args);
        } catch (TrainOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.print(TrainOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        try {
            run(options, System.out);
        } catch (RuntimeException e) {
            System.err.println("training failed: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    /** Runs the whole training and returns the outcome per setting. */
    public static List<TrainingOutcome> run(TrainOptions options, PrintStream out) {
        long started = System.nanoTime();
        TrainingProgress progress = message -> out.printf(Locale.ROOT, "%6.1f s  %s%n",
                (System.nanoTime() - started) / 1e9, message);
        PlantDefinition definition = resolve(options.plantId(), options.plantFile(), options.dataDir());
        progress.step("reading " + definition.dataset().powerFile());
        LoadedPlant plant = DatasetLoader.load(definition.id(), definition.dataset(), definition.site());
        progress.step(String.format(Locale.ROOT, "cleaned %d grid points; DC %.3f kW, AC %.3f kW estimated",
                plant.timeline().size(), plant.config().dcCapacityKw(), plant.config().acCapacityKw()));
        out.print(plant.quality().toMarkdown());

        ModelStore store = new ModelStore(options.modelsDir());
        List<TrainingOutcome> outcomes = new ArrayList<>();
        for (WeatherInputs setting : options.settings()) {
            if (setting == WeatherInputs.WEATHER && !plant.timeline().hasWeather()) {
                progress.step("skipping the weather setting: plant " + definition.id() + " has no weather file");
                continue;
            }
            QuantileTrainer trainer = new QuantileTrainer(options.parameters(), progress);
            TrainingOutcome outcome = trainer.train(definition.id(), plant.timeline(), new FeatureBuilder(setting),
                    plant.config().dcCapacityKw());
            store.save(outcome.models());
            progress.step(String.format(Locale.ROOT, "[%s %s] trained and saved in %.1f s to %s", definition.id(),
                    setting.key(), outcome.seconds(), store.plantDir(definition.id())));
            outcomes.add(outcome);
        }
        Optional<LoadedPlant> validation = options.validationPlant()
                .map(id -> resolve(id, Optional.empty(), options.dataDir()))
                .map(d -> DatasetLoader.load(d.id(), d.dataset(), d.site()));
        Path report = EvaluationReport.write(store.plantDir(definition.id()), definition, plant, outcomes,
                validation, progress);
        progress.step("evaluation report written to " + report);
        return outcomes;
    }

    static PlantDefinition resolve(String id, Optional<Path> file, Path dataDir) {
        if (file.isPresent()) {
            return PlantDefinition.fromFile(file.get(), dataDir);
        }
        return PlantDefinition.builtIn(id, dataDir)
                .orElseThrow(() -> new IllegalArgumentException("unknown plant '" + id
                        + "': use system50 or serf-east, or give --plant-file"));
    }
}
