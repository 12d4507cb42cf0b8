package org.solarmarket.forecast.serving;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.solarmarket.forecast.weather.ReplayWeatherProvider;
import org.solarmarket.forecast.weather.WeatherProvider;

/**
 * Times one forecast of 72 h at 5 min (864 targets) for a trained plant, outside HTTP: features,
 * physics for every target, three boosters, calibration and publishing. Prints the median, 95th
 * percentile and maximum of the measured calls after a warm-up.
 *
 * <p>Usage: {@code java -cp ... org.solarmarket.forecast.serving.ForecastLatencyCommand
 * [models-dir] [data-dir] [calls]}
 */
public final class ForecastLatencyCommand {

    private ForecastLatencyCommand() {
    }

    public static void main(String[] args) {
        String modelsDir = args.length > 0 ? args[0] : "artifacts/models";
        String dataDir = args.length > 1 ? args[1] : "../shared/data";
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        PlantRegistry registry = new PlantRegistry(new FixedConfig(modelsDir, dataDir));
        registry.onStart(null);
        ForecastService withWeather = new ForecastService(registry, new ReplayWeatherProvider());
        ForecastService withoutWeather = new ForecastService(registry, (WeatherProvider) null);
        ForecastRequest request = new ForecastRequest("system50", 72, 5, Optional.of(Instant.parse("2012-09-20T13:00:00Z")));
        for (ForecastService service : List.of(withWeather, withoutWeather)) {
            for (int i = 0; i < 50; i++) {
                service.forecast(request);
            }
            long[] nanos = new long[calls];
            String used = null;
            for (int i = 0; i < calls; i++) {
                long started = System.nanoTime();
                used = service.forecast(request).setting();
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%s model, 72 h at 5 min (864 targets), %d calls: median %.2f ms, "
                    + "p95 %.2f ms, max %.2f ms%n", used, calls, nanos[calls / 2] / 1e6, nanos[calls * 95 / 100] / 1e6,
                    nanos[calls - 1] / 1e6);
        }
    }

    private record FixedConfig(String modelsDir, String dataDir) implements ForecastConfig {

        @Override
        public List<String> plants() {
            return List.of("system50");
        }

        @Override
        public Optional<String> plantDir() {
            return Optional.empty();
        }

        @Override
        public String defaultPlant() {
            return "system50";
        }

        @Override
        public Weather weather() {
            return null;
        }

        @Override
        public Building building() {
            return null;
        }
    }
}
