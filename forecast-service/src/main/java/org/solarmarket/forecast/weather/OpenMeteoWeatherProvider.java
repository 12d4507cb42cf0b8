package org.solarmarket.forecast.weather;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.forecast.dataset.LoadedPlant;

/**
 * Weather forecasts from an HTTP API in the Open-Meteo format
 * ({@code GET /v1/forecast?latitude=..&longitude=..&hourly=shortwave_radiation,...&timezone=GMT}).
 * Open-Meteo gives radiation as the mean of the preceding hour, so each value is placed at the
 * middle of its hour before interpolating onto the targets.
 */
public final class OpenMeteoWeatherProvider implements WeatherProvider {

    private static final Logger LOG = Logger.getLogger(OpenMeteoWeatherProvider.class);
    static final String HOURLY = "shortwave_radiation,direct_normal_irradiance,diffuse_radiation,temperature_2m,"
            + "wind_speed_10m";
    private static final Duration MAX_GAP = Duration.ofMinutes(61);

    private final URI baseUri;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param baseUri API root such as {@code https://api.open-meteo.com}
     * @param timeout limit for the whole request
     */
    public OpenMeteoWeatherProvider(URI baseUri, Duration timeout) {
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "open-meteo";
    }

    @Override
    public Optional<WeatherForecast> forecast(LoadedPlant plant, Instant[] targets) {
        if (targets.length == 0) {
            return Optional.empty();
        }
        int days = (int) Math.min(16, Duration.between(Instant.now(), targets[targets.length - 1]).toDays() + 2);
        URI uri = URI.create(String.format(Locale.ROOT,
                "%s/v1/forecast?latitude=%.5f&longitude=%.5f&hourly=%s&wind_speed_unit=ms&timezone=GMT"
                        + "&past_days=2&forecast_days=%d",
                baseUri.toString().replaceAll("/$", ""), plant.config().latitude(), plant.config().longitude(),
                URLEncoder.encode(HOURLY, StandardCharsets.UTF_8), Math.max(1, days)));
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("[plant %s] weather request %s failed with HTTP %d; forecasting without weather",
                        plant.plantId(), uri, response.statusCode());
                return Optional.empty();
            }
            WeatherForecast forecast = parse(Json.mapper().readTree(response.body()), targets);
            if (!forecast.coversAll()) {
                LOG.warnf("[plant %s] weather from %s does not cover %s to %s; forecasting without weather",
                        plant.plantId(), baseUri, targets[0], targets[targets.length - 1]);
                return Optional.empty();
            }
            return Optional.of(forecast);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("[plant %s] weather request %s failed: %s; forecasting without weather", plant.plantId(), uri,
                    e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Reads an Open-Meteo response with {@code timezone=GMT} and interpolates it onto the targets. */
    WeatherForecast parse(JsonNode body, Instant[] targets) {
        JsonNode hourly = body.path("hourly");
        JsonNode time = hourly.path("time");
        if (!time.isArray() || time.isEmpty()) {
            throw new IllegalArgumentException("Open-Meteo response has no hourly.time array");
        }
        Instant[] stamps = new Instant[time.size()];
        Instant[] midpoints = new Instant[time.size()];
        for (int i = 0; i < stamps.length; i++) {
            stamps[i] = LocalDateTime.parse(time.get(i).asText()).toInstant(ZoneOffset.UTC);
            midpoints[i] = stamps[i].minus(Duration.ofMinutes(30));
        }
        double[] ghi = onto(midpoints, column(hourly, "shortwave_radiation", stamps.length), targets);
        double[] dni = onto(midpoints, column(hourly, "direct_normal_irradiance", stamps.length), targets);
        double[] dhi = onto(midpoints, column(hourly, "diffuse_radiation", stamps.length), targets);
        double[] temperature = onto(stamps, column(hourly, "temperature_2m", stamps.length), targets);
        double[] wind = onto(stamps, column(hourly, "wind_speed_10m", stamps.length), targets);
        return new WeatherForecast(name(), ghi, dni, dhi, temperature, wind, null);
    }

    private static double[] column(JsonNode hourly, String name, int length) {
        JsonNode values = hourly.path(name);
        double[] column = new double[length];
        Arrays.fill(column, Double.NaN);
        if (values.isArray()) {
            for (int i = 0; i < Math.min(length, values.size()); i++) {
                column[i] = values.get(i).isNumber() ? values.get(i).asDouble() : Double.NaN;
            }
        }
        return column;
    }

    private static double[] onto(Instant[] times, double[] values, Instant[] targets) {
        double[] result = new double[targets.length];
        int right = 0;
        for (int i = 0; i < targets.length; i++) {
            long t = targets[i].getEpochSecond();
            while (right < times.length && times[right].getEpochSecond() < t) {
                right++;
            }
            if (right < times.length && times[right].getEpochSecond() == t) {
                result[i] = values[right];
            } else if (right == 0 || right == times.length
                    || times[right].getEpochSecond() - times[right - 1].getEpochSecond() > MAX_GAP.getSeconds()) {
                result[i] = Double.NaN;
            } else {
                double t0 = times[right - 1].getEpochSecond();
                double weight = (t - t0) / (times[right].getEpochSecond() - t0);
                result[i] = values[right - 1] + weight * (values[right] - values[right - 1]);
            }
        }
        return result;
    }
}
