package org.solarmarket.forecast.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.solarmarket.contracts.Json;
import org.solarmarket.forecast.serving.ForecastRequest;
import org.solarmarket.forecast.serving.ForecastResult;
import org.solarmarket.forecast.serving.ForecastService;
import org.solarmarket.forecast.serving.PlantRegistry;
import org.solarmarket.forecast.serving.ServedPlant;

/** PV power forecasts: {@code POST /api/solar/forecast} and {@code GET /api/solar/dashboard}. */
@Path("/api/solar")
public class ForecastResource {

    static final Set<String> FORECAST_FIELDS = Set.of("plant", "hours", "interval_minutes", "start_time");

    private final ForecastService forecasts;
    private final PlantRegistry registry;
    private final MonthlyHistory monthlyHistory;

    public ForecastResource(ForecastService forecasts, PlantRegistry registry, MonthlyHistory monthlyHistory) {
        this.forecasts = forecasts;
        this.registry = registry;
        this.monthlyHistory = monthlyHistory;
    }

    /**
     * Forecasts P10/P50/P90 power. Body: {@code hours} (6-72, default 24), {@code interval_minutes}
     * (5-60, default 15), optional {@code start_time} (ISO-8601 with offset; without it the history
     * is replayed at the present wall-clock time) and optional {@code plant}.
     */
    @POST
    @Path("/forecast")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response forecast(String body) {
        RequestBody request = RequestBody.parse(body, FORECAST_FIELDS);
        String plant = request.text("plant").orElse(registry.defaultPlantId());
        int hours = request.integer("hours", 24, ForecastRequest.MIN_HOURS, ForecastRequest.MAX_HOURS);
        int interval = request.integer("interval_minutes", 15, ForecastRequest.MIN_INTERVAL_MINUTES,
                ForecastRequest.MAX_INTERVAL_MINUTES);
        Optional<Instant> start = request.instant("start_time");
        ForecastResult result = forecasts.forecast(new ForecastRequest(plant, hours, interval, start));
        return Response.ok(Json.write(body(result, hours)), MediaType.APPLICATION_JSON).build();
    }

    /** Returns a 24 h forecast at 15 min with statistics and carbon figures per day and per month. */
    @GET
    @Path("/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    public Response dashboard(@QueryParam("plant") String plantParameter) {
        String plantId = plantParameter == null || plantParameter.isBlank() ? registry.defaultPlantId() : plantParameter;
        ForecastResult result = forecasts.forecast(new ForecastRequest(plantId, 24, 15, Optional.empty()));
        ServedPlant plant = forecasts.plant(plantId);
        ZoneId zone = plant.definition().site().zone();
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("forecast", body(result, 24));
        Map<String, Object> carbon = new LinkedHashMap<>();
        carbon.put("kg_co2_per_kwh", org.solarmarket.forecast.carbon.CarbonFigures.KG_CO2_PER_KWH);
        carbon.put("kg_co2_per_tree_year", org.solarmarket.forecast.carbon.CarbonFigures.KG_CO2_PER_TREE_YEAR);
        carbon.put("daily_forecast", ForecastStatistics.daily(result, zone));
        carbon.put("monthly_measured", monthlyHistory.lastTwelveMonths(plant, result.historyTime()));
        dashboard.put("carbon", carbon);
        return Response.ok(Json.write(dashboard), MediaType.APPLICATION_JSON).build();
    }

    static Map<String, Object> body(ForecastResult result, int hours) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plant", result.plantId());
        body.put("issue_time", result.issueTime());
        if (!result.historyTime().equals(result.issueTime())) {
            body.put("history_time", result.historyTime());
        }
        body.put("hours", hours);
        body.put("interval_minutes", result.intervalMinutes());
        body.put("model", Map.of(
                "setting", result.setting(),
                "weather_source", result.weatherSource(),
                "trained_at", result.modelTrainedAt(),
                "ac_capacity_kw", ForecastStatistics.kw(result.acCapacityKw())));
        body.put("notes", result.notes());
        body.put("timestamps", List.of(result.times()));
        body.put("p10_kw", decimals(result.p10()));
        body.put("p50_kw", decimals(result.p50()));
        body.put("p90_kw", decimals(result.p90()));
        body.put("clear_sky_kw", decimals(result.clearSky()));
        body.put("publishing", Map.of("clamped_values", result.clampedValues(), "sorted_rows", result.sortedRows()));
        body.put("statistics", ForecastStatistics.of(result));
        return body;
    }

    private static List<BigDecimal> decimals(double[] values) {
        List<BigDecimal> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(ForecastStatistics.kw(value));
        }
        return list;
    }
}
