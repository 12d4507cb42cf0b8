package org.solarmarket.forecast.serving;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.solarmarket.forecast.dataset.DatasetLoader;
import org.solarmarket.forecast.dataset.LoadedPlant;
import org.solarmarket.forecast.dataset.PlantDefinition;
import org.solarmarket.forecast.features.WeatherInputs;
import org.solarmarket.forecast.model.ModelStore;
import org.solarmarket.forecast.model.QuantileModelSet;

/**
 * The plants this service forecasts for. At start every plant's definition, trained models and
 * history (cleaned power, weather and physics) are loaded. Loading takes a few seconds per plant.
 */
@ApplicationScoped
public class PlantRegistry {

    private static final Logger LOG = Logger.getLogger(PlantRegistry.class);

    private final ForecastConfig config;
    private final Map<String, PlantDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, ServedPlant> plants = new ConcurrentHashMap<>();

    public PlantRegistry(ForecastConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Path dataDir = Path.of(config.dataDir());
        for (String id : config.plants()) {
            Optional<PlantDefinition> definition = config.plantDir()
                    .map(dir -> Path.of(dir, id + ".properties"))
                    .filter(Files::isRegularFile)
                    .map(file -> PlantDefinition.fromFile(file, dataDir))
                    .or(() -> PlantDefinition.builtIn(id, dataDir));
            if (definition.isEmpty()) {
                LOG.errorf("[plant %s] no definition found (built-in or %s/%s.properties); plant skipped", id,
                        config.plantDir().orElse("<solarmarket.forecast.plant-dir unset>"), id);
                continue;
            }
            definitions.put(id, definition.get());
        }
        ModelStore store = new ModelStore(Path.of(config.modelsDir()));
        for (String id : definitions.keySet()) {
            for (WeatherInputs inputs : WeatherInputs.values()) {
                if (Files.isRegularFile(store.metadataFile(id, inputs))) {
                    LOG.infof("[plant %s] found %s model in %s", id, inputs.key(), store.plantDir(id).toAbsolutePath());
                } else {
                    LOG.infof("[plant %s] no %s model in %s; train it with: bin/train --plant %s", id, inputs.key(),
                            store.plantDir(id).toAbsolutePath(), id);
                }
            }
            find(id);
        }
    }

    public Collection<String> ids() {
        return definitions.keySet();
    }

    public String defaultPlantId() {
        return config.defaultPlant();
    }

    /** Returns the plant, loading its history and models on first use, or empty when unknown. */
    public Optional<ServedPlant> find(String id) {
        PlantDefinition definition = definitions.get(id);
        if (definition == null) {
            return Optional.empty();
        }
        return Optional.of(plants.computeIfAbsent(id, key -> load(definition)));
    }

    private ServedPlant load(PlantDefinition definition) {
        ModelStore store = new ModelStore(Path.of(config.modelsDir()));
        Optional<QuantileModelSet> weather = loadModel(store, definition.id(), WeatherInputs.WEATHER);
        Optional<QuantileModelSet> noWeather = loadModel(store, definition.id(), WeatherInputs.NO_WEATHER);
        Optional<LoadedPlant> history = Optional.empty();
        Optional<String> historyError = Optional.empty();
        if (Files.isRegularFile(definition.dataset().powerFile())) {
            try {
                history = Optional.of(DatasetLoader.load(definition.id(), definition.dataset(), definition.site()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "[plant %s] failed to load history from %s; forecasting without it", definition.id(),
                        definition.dataset().powerFile());
                historyError = Optional.of(e.getMessage());
            }
        } else {
            LOG.warnf("[plant %s] history file %s not found; forecasts will have no measured lags", definition.id(),
                    definition.dataset().powerFile());
            historyError = Optional.of("history file not found: " + definition.dataset().powerFile());
        }
        return new ServedPlant(definition, history, weather, noWeather, historyError);
    }

    private static Optional<QuantileModelSet> loadModel(ModelStore store, String id, WeatherInputs inputs) {
        try {
            return store.load(id, inputs);
        } catch (RuntimeException e) {
            LOG.errorf(e, "[plant %s] failed to load the %s model from %s; retrain it with: bin/train --plant %s", id,
                    inputs.key(), store.plantDir(id), id);
            return Optional.empty();
        }
    }
}
