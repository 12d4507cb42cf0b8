package org.solarmarket.forecast.serving;

import java.util.Optional;
import org.solarmarket.forecast.dataset.LoadedPlant;
import org.solarmarket.forecast.dataset.PlantDefinition;
import org.solarmarket.forecast.features.WeatherInputs;
import org.solarmarket.forecast.model.QuantileModelSet;
import org.solarmarket.forecast.plant.PlantConfig;

/**
 * A plant the service forecasts for: its definition, its history (when the data folder has it)
 * and its trained model sets.
 */
public record ServedPlant(PlantDefinition definition, Optional<LoadedPlant> history,
        Optional<QuantileModelSet> weatherModel, Optional<QuantileModelSet> noWeatherModel,
        Optional<String> historyError) {

    public String id() {
        return definition.id();
    }

    public boolean hasModel() {
        return weatherModel.isPresent() || noWeatherModel.isPresent();
    }

    public Optional<QuantileModelSet> model(WeatherInputs inputs) {
        return inputs == WeatherInputs.WEATHER ? weatherModel : noWeatherModel;
    }

    /** Plant settings with capacities from the history, else from the model's metadata. */
    public Optional<PlantConfig> config() {
        if (history.isPresent()) {
            return Optional.of(history.get().config());
        }
        return weatherModel.or(() -> noWeatherModel).map(model -> definition.site().config(
                new org.solarmarket.forecast.dataset.CapacityCalibration.Capacities(
                        model.metadata().dcCapacityKw(), model.metadata().acCapacityKw())));
    }
}
