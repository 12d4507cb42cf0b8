package org.solarmarket.forecast.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.solarmarket.contracts.Json;
import org.solarmarket.forecast.features.WeatherInputs;

/**
 * Saves and loads model sets under {@code <root>/<plant>/}: one UBJSON file per quantile in
 * XGBoost's own model format ({@code weather-p10.ubj}, ...) and {@code weather-metadata.json}.
 */
public final class ModelStore {

    private final Path root;

    public ModelStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path plantDir(String plantId) {
        return root.resolve(plantId);
    }

    public static Map<String, String> modelFileNames(WeatherInputs inputs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (QuantileLevel level : QuantileLevel.values()) {
            names.put(level.key(), inputs.key() + "-" + level.key() + ".ubj");
        }
        return names;
    }

    public void save(QuantileModelSet models) {
        ModelMetadata metadata = models.metadata();
        Path dir = plantDir(metadata.plantId());
        try {
            Files.createDirectories(dir);
            for (QuantileLevel level : QuantileLevel.values()) {
                Path file = dir.resolve(metadata.modelFiles().get(level.key()));
                Path partial = dir.resolve(file.getFileName() + ".partial");
                models.booster(level).saveModel(partial.toString());
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata);
            Path metadataFile = metadataFile(metadata.plantId(), WeatherInputs.fromKey(metadata.weatherInputs()));
            Path partial = dir.resolve(metadataFile.getFileName() + ".partial");
            Files.write(partial, json);
            Files.move(partial, metadataFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to save models to " + dir, e);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to save a model to " + dir, e);
        }
    }

    public Path metadataFile(String plantId, WeatherInputs inputs) {
        return plantDir(plantId).resolve(inputs.key() + "-metadata.json");
    }

    /** Loads a model set, or returns empty when its metadata file does not exist. */
    public Optional<QuantileModelSet> load(String plantId, WeatherInputs inputs) {
        Path metadataFile = metadataFile(plantId, inputs);
        if (!Files.isRegularFile(metadataFile)) {
            return Optional.empty();
        }
        try {
            ModelMetadata metadata = Json.mapper().readValue(metadataFile.toFile(), ModelMetadata.class);
            Map<QuantileLevel, Booster> boosters = new EnumMap<>(QuantileLevel.class);
            for (QuantileLevel level : QuantileLevel.values()) {
                Path file = plantDir(plantId).resolve(metadata.modelFiles().get(level.key()));
                boosters.put(level, XGBoost.loadModel(file.toString()));
            }
            return Optional.of(new QuantileModelSet(boosters, metadata));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read model metadata " + metadataFile, e);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to load a model listed in " + metadataFile, e);
        }
    }

    /** Returns the XGBoost4J version on the class path, from its Maven descriptor. */
    public static String xgboostVersion() {
        try (InputStream in = XGBoost.class.getResourceAsStream("/META-INF/maven/ml.dmlc/xgboost4j_2.12/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
