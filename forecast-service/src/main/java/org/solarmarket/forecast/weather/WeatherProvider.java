package org.solarmarket.forecast.weather;

import java.time.Instant;
import java.util.Optional;
import org.solarmarket.forecast.dataset.LoadedPlant;

/** A source of weather forecasts for a plant's target instants. */
public interface WeatherProvider {

    /** Provider name shown in forecast responses. */
    String name();

    /**
     * Returns weather for every target, or empty when this provider has none for them. A
     * provider that fails logs the cause and returns empty, so the forecast falls back to the
     * no-weather model.
     */
    Optional<WeatherForecast> forecast(LoadedPlant plant, Instant[] targets);
}
