package org.solarmarket.forecast.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.solarmarket.forecast.features.WeatherInputs;
import org.solarmarket.forecast.model.TrainingParameters;

/** Command-line options of the training command. */
record TrainOptions(String plantId, Optional<Path> plantFile, Path dataDir, Path modelsDir, List<WeatherInputs> settings,
        TrainingParameters parameters, Optional<String> validationPlant) {

    static final String USAGE = """
            Usage: train [options]
              --plant ID              built-in plant to train (default system50; also serf-east)
              --plant-file FILE       plant properties file for your own plant (see PlantDefinition)
              --data-dir DIR          folder with the data sets (default ../shared/data, else ./data)
              --models-dir DIR        where models and the report go (default artifacts/models)
              --settings LIST         weather,no_weather (default both)
              --max-rounds N          upper bound on trees per quantile (default %d)
              --learning-rate X       shrinkage eta of each tree, 0 < X <= 1 (default %s)
              --max-bin N             histogram bins per feature, 2-1024 (default %d)
              --threads N             XGBoost threads per model (default %d)
              --horizons-per-target N horizon bands sampled per training target, 1-4 (default 2)
              --validation-plant ID   built-in plant to score the weather model on (default serf-east
                                      for system50, none otherwise; "none" to skip)
            """.formatted(TrainingParameters.defaults().maxRounds(), TrainingParameters.defaults().learningRate(),
            TrainingParameters.defaults().maxBin(), TrainingParameters.defaults().threads());

    static TrainOptions parse(String[] args) {
        String plant = "system50";
        Optional<Path> plantFile = Optional.empty();
        Path dataDir = null;
        Path modelsDir = Path.of("artifacts", "models");
        List<WeatherInputs> settings = List.of(WeatherInputs.WEATHER, WeatherInputs.NO_WEATHER);
        TrainingParameters parameters = TrainingParameters.defaults();
        Optional<String> validation = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException(null);
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--plant" -> plant = value;
                case "--plant-file" -> plantFile = Optional.of(Path.of(value));
                case "--data-dir" -> dataDir = Path.of(value);
                case "--models-dir" -> modelsDir = Path.of(value);
                case "--settings" -> {
                    List<WeatherInputs> parsed = new ArrayList<>();
                    for (String key : value.split(",")) {
                        parsed.add(WeatherInputs.fromKey(key.trim()));
                    }
                    settings = List.copyOf(parsed);
                }
                case "--max-rounds" -> parameters = parameters.withMaxRounds(positive(option, value));
                case "--learning-rate" -> parameters = parameters.withLearningRate(fraction(option, value));
                case "--threads" -> parameters = parameters.withThreads(positive(option, value));
                case "--max-bin" -> parameters = parameters.withMaxBin(bins(option, value));
                case "--horizons-per-target" -> parameters = parameters.withHorizonsPerTarget(positive(option, value));
                case "--validation-plant" -> validation = "none".equals(value) ? Optional.empty() : Optional.of(value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (dataDir == null) {
            Path shared = Path.of("..", "shared", "data");
            dataDir = Files.isDirectory(shared) ? shared : Path.of("data");
        }
        if (validation == null) {
            validation = plant.equals("system50") && plantFile.isEmpty() ? Optional.of("serf-east") : Optional.empty();
        }
        return new TrainOptions(plant, plantFile, dataDir, modelsDir, settings, parameters, validation);
    }

    private static int positive(String option, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a positive integer, got '" + value + "'");
    }

    private static double fraction(String option, String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a number above 0 and at most 1, got '" + value + "'");
    }

    private static int bins(String option, String value) {
        int parsed = positive(option, value);
        if (parsed < 2 || parsed > 1024) {
            throw new UsageException(option + " must be between 2 and 1024, got '" + value + "'");
        }
        return parsed;
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
