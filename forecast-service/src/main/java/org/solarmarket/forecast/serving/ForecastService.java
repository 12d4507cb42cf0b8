package org.solarmarket.forecast.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.solarmarket.forecast.api.ProblemException;
import org.solarmarket.forecast.dataset.LoadedPlant;
import org.solarmarket.forecast.features.FeatureBuilder;
import org.solarmarket.forecast.features.PlantTimeline;
import org.solarmarket.forecast.features.WeatherInputs;
import org.solarmarket.forecast.model.ModelMetadata;
import org.solarmarket.forecast.model.QuantileBand;
import org.solarmarket.forecast.model.QuantileModelSet;
import org.solarmarket.forecast.physics.ClearSkySeries;
import org.solarmarket.forecast.physics.Decomposition;
import org.solarmarket.forecast.physics.PvSystemModel;
import org.solarmarket.forecast.plant.PlantConfig;
import org.solarmarket.forecast.weather.OpenMeteoWeatherProvider;
import org.solarmarket.forecast.weather.ReplayWeatherProvider;
import org.solarmarket.forecast.weather.WeatherForecast;
import org.solarmarket.forecast.weather.WeatherProvider;

/**
 * Turns a request into a published P10/P50/P90 forecast: features at the issue time, the three
 * residual models, {@code p_clear + residual}, the interval calibration, then clamping to
 * [0, AC capacity] and sorting. With weather for every target the weather model is used, else the
 * no-weather model, and the result names the model used.
 */
@ApplicationScoped
public class ForecastService {

    private static final Logger LOG = Logger.getLogger(ForecastService.class);

    private final PlantRegistry registry;
    private final WeatherProvider weatherProvider;

    @Inject
    public ForecastService(PlantRegistry registry, ForecastConfig config) {
        this.registry = registry;
        this.weatherProvider = switch (config.weather().provider()) {
            case "replay" -> new ReplayWeatherProvider();
            case "open-meteo" -> new OpenMeteoWeatherProvider(URI.create(config.weather().openMeteoUrl()),
                    Duration.ofMillis(config.weather().timeoutMillis()));
            case "none" -> null;
            default -> throw new IllegalArgumentException("solarmarket.forecast.weather.provider = '"
                    + config.weather().provider() + "' is invalid: expected replay, open-meteo or none");
        };
    }

    ForecastService(PlantRegistry registry, WeatherProvider weatherProvider) {
        this.registry = registry;
        this.weatherProvider = weatherProvider;
    }

    /** Platform time: the wall clock, or the replay clock when one is configured. */
    private final java.time.Clock clock = org.solarmarket.contracts.PlatformClock.fromEnvironment();

    public ServedPlant plant(String plantId) {
        return registry.find(plantId).orElseThrow(() -> ProblemException.invalid("plant", plantId,
                "unknown plant; known plants are " + registry.ids()));
    }

    public ForecastResult forecast(ForecastRequest request) {
        ServedPlant plant = plant(request.plantId());
        if (!plant.hasModel()) {
            throw new ProblemException(503, "Model not trained", "plant", plant.id(), "plant " + plant.id()
                    + " has no trained model; train it with `bin/train --plant " + plant.id()
                    + "` (writes artifacts/models/" + plant.id() + "/) and restart the service");
        }
        PlantConfig config = plant.config().orElseThrow();
        List<String> notes = new ArrayList<>();
        Instant requested = request.startTime().orElseGet(clock::instant);
        Optional<LoadedPlant> history = plant.history();
        Instant historyTime = request.startTime().isPresent() ? requested
                : history.map(h -> replayTime(h.timeline(), requested, notes)).orElse(requested);
        long shiftSeconds = Duration.between(historyTime, requested).getSeconds();

        long stepSeconds = history.map(h -> h.timeline().step().getSeconds()).orElse(900L);
        Instant issue = Instant.ofEpochSecond(Math.floorDiv(historyTime.getEpochSecond(), stepSeconds) * stepSeconds);
        int count = request.hours() * 60 / request.intervalMinutes();
        Instant[] targets = new Instant[count];
        for (int k = 0; k < count; k++) {
            targets[k] = issue.plusSeconds(60L * request.intervalMinutes() * (k + 1));
        }

        Optional<WeatherForecast> weather = Optional.empty();
        if (plant.weatherModel().isPresent() && weatherProvider != null) {
            weather = history.flatMap(h -> weatherProvider.forecast(h, targets));
            if (weather.isEmpty()) {
                notes.add("no weather forecast from " + weatherProvider.name()
                        + " covers the targets, so the no-weather model was used");
            }
        } else if (plant.weatherModel().isPresent()) {
            notes.add("weather provider is disabled (solarmarket.forecast.weather.provider=none)");
        }
        WeatherInputs setting = weather.isPresent() ? WeatherInputs.WEATHER : WeatherInputs.NO_WEATHER;
        Optional<QuantileModelSet> model = plant.model(setting);
        if (model.isEmpty()) {
            throw new ProblemException(503, "Model not trained", "plant", plant.id(), "plant " + plant.id()
                    + " has no " + setting.key() + " model; train it with `bin/train --plant " + plant.id()
                    + " --settings " + setting.key() + "` and restart the service");
        }
        return predict(plant, config, model.get(), history, issue, targets, weather, notes, shiftSeconds,
                request.intervalMinutes());
    }

    private ForecastResult predict(ServedPlant plant, PlantConfig config, QuantileModelSet model,
            Optional<LoadedPlant> history, Instant issue, Instant[] targets, Optional<WeatherForecast> weather,
            List<String> notes, long shiftSeconds, int intervalMinutes) {
        int n = targets.length;
        PvSystemModel physics = new PvSystemModel(config);
        // NOTE: clearSky and clearSkyAcPowerKw each compute the solar positions of all targets, which
        // is about half of a forecast's physics time; PvSystemModel has no call that shares them.
        ClearSkySeries clear = physics.clearSky(targets);
        double[] clearPower = physics.clearSkyAcPowerKw(targets);
        double[] weatherPower = weather.map(w -> weatherPower(physics, clear, targets, w)).orElse(null);

        FeatureBuilder features = model.features();
        int width = features.width();
        int issueWidth = FeatureBuilder.issueWidth();
        float[] issueRow = new float[issueWidth];
        int i0 = history.map(h -> h.timeline().indexOf(issue)).orElse(-1);
        if (i0 >= 0) {
            FeatureBuilder.issueFeatures(history.get().timeline(), i0, issueRow, 0);
        } else {
            Arrays.fill(issueRow, Float.NaN);
            notes.add("no measured power at the issue time " + issue + ", so the lag features are missing");
        }
        float[] rows = new float[n * width];
        float[] head = new float[width - issueWidth];
        double capacity = config.acCapacityKw();
        for (int k = 0; k < n; k++) {
            double[] weatherRow = null;
            if (weather.isPresent()) {
                WeatherForecast w = weather.get();
                weatherRow = new double[] {w.ghi()[k], w.airTemperature()[k], w.windSpeed()[k], weatherPower[k]};
            }
            double horizon = Duration.between(issue, targets[k]).getSeconds() / 60.0;
            features.targetFeatures(targets[k], config.zoneId(), capacity, horizon, clearPower[k], clear.ghi()[k],
                    90 - clear.apparentZenith()[k], weatherRow, head);
            System.arraycopy(head, 0, rows, k * width, head.length);
            System.arraycopy(issueRow, 0, rows, k * width + head.length, issueWidth);
        }
        double[][] residuals = model.predictResiduals(rows, n);
        double[] p10 = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        double[] horizons = new double[n];
        for (int k = 0; k < n; k++) {
            p10[k] = clearPower[k] + residuals[0][k] * capacity;
            p50[k] = clearPower[k] + residuals[1][k] * capacity;
            p90[k] = clearPower[k] + residuals[2][k] * capacity;
            horizons[k] = Duration.between(issue, targets[k]).getSeconds() / 60.0;
        }
        ModelMetadata metadata = model.metadata();
        if (metadata.intervalCalibration() != null) {
            metadata.intervalCalibration().apply(p10, p90, clearPower, horizons);
        }
        int night = 0;
        for (int k = 0; k < n; k++) {
            if (clearPower[k] <= 0) {
                // The sun is down (or behind the array): the plant makes nothing, whatever the trees predict.
                p10[k] = 0;
                p50[k] = 0;
                p90[k] = 0;
                night++;
            }
        }
        QuantileBand.Published band = QuantileBand.publish(plant.id(), p10, p50, p90, capacity);
        LOG.debugf("[plant %s] forecast issued %s: %d targets (%d at night), %s model, %d clamped, %d sorted",
                plant.id(), issue, n, night, model.metadata().weatherInputs(), band.clampedValues(), band.sortedRows());
        Instant[] published = Arrays.stream(targets).map(t -> t.plusSeconds(shiftSeconds)).toArray(Instant[]::new);
        return new ForecastResult(plant.id(), issue.plusSeconds(shiftSeconds), issue, metadata.weatherInputs(),
                weather.map(WeatherForecast::source).orElse("none"), List.copyOf(notes), published, band.p10(),
                band.p50(), band.p90(), clearPower, band.clampedValues(), band.sortedRows(), capacity,
                metadata.trainedAt(), intervalMinutes);
    }

    private static double[] weatherPower(PvSystemModel physics, ClearSkySeries clear, Instant[] targets,
            WeatherForecast weather) {
        if (weather.weatherPowerKw() != null) {
            return weather.weatherPowerKw();
        }
        double[] dni = weather.dni();
        double[] dhi = weather.dhi();
        if (dni == null || dhi == null) {
            int[] days = Arrays.stream(targets).mapToInt(PvSystemModel::dayOfYear).toArray();
            double[][] split = Decomposition.erbs(weather.ghi(), clear.apparentZenith(), days);
            dni = split[0];
            dhi = split[1];
        }
        return physics.acPowerKw(targets, weather.ghi(), dni, dhi, weather.airTemperature(), weather.windSpeed());
    }

    /**
     * Maps a wall-clock time into the plant's history by whole years, so a demo without live
     * measurements replays the same season and time of day from real data.
     */
    static Instant replayTime(PlantTimeline timeline, Instant now, List<String> notes) {
        Instant first = timeline.start().plus(Duration.ofDays(1));
        Instant last = timeline.time(timeline.size() - 1);
        if (!now.isAfter(last) && !now.isBefore(first)) {
            return now;
        }
        ZonedDateTime candidate = now.atZone(timeline.zone());
        int years = 0;
        while (candidate.toInstant().isAfter(last) && years < 200) {
            candidate = candidate.minusYears(1);
            years++;
        }
        if (candidate.toInstant().isBefore(first)) {
            candidate = candidate.plusYears(1);
            years--;
        }
        if (candidate.toInstant().isAfter(last) || candidate.toInstant().isBefore(first)) {
            notes.add("the history is shorter than a year, so the replay starts at its last measurement");
            return last.minus(Duration.ofDays(3));
        }
        notes.add("no start_time given: replaying the history from " + candidate.toInstant() + " (" + years
                + " years back), with times shifted to the present");
        return candidate.toInstant();
    }
}
