package org.solarmarket.forecast.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solarmarket.forecast.dataset.LoadedPlant;
import org.solarmarket.forecast.support.PrimaryPlant;

class OpenMeteoWeatherProviderTest {

    private HttpServer server;
    private final AtomicReference<String> query = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String body = "{}";

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/forecast", exchange -> {
            query.set(exchange.getRequestURI().getQuery());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private OpenMeteoWeatherProvider provider() {
        return new OpenMeteoWeatherProvider(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(2));
    }

    @Test
    void interpolatesHourlyForecastOntoTargets() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        body = hourly(hour.minus(Duration.ofHours(2)), 30);
        LoadedPlant plant = PrimaryPlant.load();
        Instant[] targets = {hour, hour.plus(Duration.ofMinutes(15)), hour.plus(Duration.ofMinutes(30))};
        WeatherForecast forecast = provider().forecast(plant, targets).orElseThrow();

        assertTrue(query.get().contains("latitude=39.74060"), query.get());
        assertTrue(query.get().contains("hourly=shortwave_radiation"), query.get());
        assertTrue(query.get().contains("timezone=GMT"), query.get());
        // GHI of hour k is 100 k, the mean of the hour ending at stamp k, so it sits at k - 30 min.
        assertEquals(250, forecast.ghi()[0], 1e-9);
        assertEquals(275, forecast.ghi()[1], 1e-9);
        assertEquals(300, forecast.ghi()[2], 1e-9);
        assertEquals(12.0, forecast.airTemperature()[0], 1e-9);
        assertEquals(12.25, forecast.airTemperature()[1], 1e-9);
        assertEquals(3.0, forecast.windSpeed()[0], 1e-9);
        assertEquals("open-meteo", forecast.source());
    }

    @Test
    void serverErrorGivesNoWeather() {
        status = 500;
        body = "{\"error\":true}";
        Instant now = Instant.now();
        assertTrue(provider().forecast(PrimaryPlant.load(), new Instant[] {now}).isEmpty());
    }

    @Test
    void forecastNotCoveringTargetsGivesNoWeather() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        body = hourly(hour, 3);
        Instant[] targets = {hour.plus(Duration.ofHours(10))};
        assertTrue(provider().forecast(PrimaryPlant.load(), targets).isEmpty());
    }

    @Test
    void unreachableServerGivesNoWeather() {
        server.stop(0);
        assertTrue(provider().forecast(PrimaryPlant.load(), new Instant[] {Instant.now()}).isEmpty());
    }

    /** Builds an Open-Meteo style body: GHI 100 k, temperature 10 + k, wind 3, for hours k = 0..count-1. */
    private static String hourly(Instant first, int count) {
        List<String> times = new ArrayList<>();
        List<String> ghi = new ArrayList<>();
        List<String> temperature = new ArrayList<>();
        List<String> wind = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            times.add("\"" + first.plus(Duration.ofHours(k)).toString().substring(0, 16) + "\"");
            ghi.add(String.valueOf(100 * k));
            temperature.add(String.format(Locale.ROOT, "%.1f", 10.0 + k));
            wind.add("3.0");
        }
        return "{\"latitude\":39.74,\"longitude\":-105.18,\"hourly_units\":{\"shortwave_radiation\":\"W/m²\"},"
                + "\"hourly\":{\"time\":" + times + ",\"shortwave_radiation\":" + ghi
                + ",\"direct_normal_irradiance\":" + ghi + ",\"diffuse_radiation\":" + ghi
                + ",\"temperature_2m\":" + temperature + ",\"wind_speed_10m\":" + wind + "}}";
    }
}
