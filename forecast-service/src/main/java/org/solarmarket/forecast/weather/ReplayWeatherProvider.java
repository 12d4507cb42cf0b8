package org.solarmarket.forecast.weather;

import java.time.Instant;
import java.util.Optional;
import org.solarmarket.forecast.dataset.LoadedPlant;
import org.solarmarket.forecast.features.PlantTimeline;

/**
 * Weather replayed from the plant's historical weather file, interpolated linearly between grid
 * points. Observed weather replaces a weather forecast, so replayed forecasts are an upper
 * bound on what a real weather forecast would give.
 */
public final class ReplayWeatherProvider implements WeatherProvider {

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Optional<WeatherForecast> forecast(LoadedPlant plant, Instant[] targets) {
        PlantTimeline timeline = plant.timeline();
        if (!timeline.hasWeather()) {
            return Optional.empty();
        }
        int n = targets.length;
        double[] ghi = new double[n];
        double[] temperature = new double[n];
        double[] wind = new double[n];
        double[] power = new double[n];
        for (int i = 0; i < n; i++) {
            ghi[i] = interpolate(timeline, timeline.ghi(), targets[i]);
            temperature[i] = interpolate(timeline, timeline.airTemperature(), targets[i]);
            wind[i] = interpolate(timeline, timeline.windSpeed(), targets[i]);
            power[i] = interpolate(timeline, timeline.weatherPowerKw(), targets[i]);
        }
        WeatherForecast forecast = new WeatherForecast(name(), ghi, null, null, temperature, wind, power);
        return forecast.coversAll() ? Optional.of(forecast) : Optional.empty();
    }

    static double interpolate(PlantTimeline timeline, double[] values, Instant time) {
        double stepSeconds = timeline.step().getSeconds();
        double position = (time.getEpochSecond() - timeline.start().getEpochSecond()) / stepSeconds;
        int below = (int) Math.floor(position);
        if (below < 0 || below >= values.length) {
            return Double.NaN;
        }
        double weight = position - below;
        if (weight == 0 || below + 1 >= values.length) {
            return weight == 0 ? values[below] : Double.NaN;
        }
        return values[below] * (1 - weight) + values[below + 1] * weight;
    }
}
