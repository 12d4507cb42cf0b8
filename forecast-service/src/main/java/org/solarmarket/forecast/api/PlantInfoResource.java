package org.solarmarket.forecast.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.solarmarket.contracts.Json;
import org.solarmarket.forecast.dataset.PlantSite;
import org.solarmarket.forecast.features.WeatherInputs;
import org.solarmarket.forecast.model.ModelMetadata;
import org.solarmarket.forecast.model.QuantileModelSet;
import org.solarmarket.forecast.plant.PlantConfig;
import org.solarmarket.forecast.serving.ForecastService;
import org.solarmarket.forecast.serving.PlantRegistry;
import org.solarmarket.forecast.serving.ServedPlant;

/** {@code GET /api/solar/plant-info}: a plant's configuration, data and model status. */
@Path("/api/solar/plant-info")
public class PlantInfoResource {

    private final ForecastService forecasts;
    private final PlantRegistry registry;

    public PlantInfoResource(ForecastService forecasts, PlantRegistry registry) {
        this.forecasts = forecasts;
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response plantInfo(@QueryParam("plant") String plantParameter) {
        String plantId = plantParameter == null || plantParameter.isBlank() ? registry.defaultPlantId() : plantParameter;
        ServedPlant plant = forecasts.plant(plantId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plant", plant.id());
        body.put("name", plant.definition().name());
        body.put("known_plants", List.copyOf(registry.ids()));
        body.put("config", config(plant.definition().site(), plant.config()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("power_file", plant.definition().dataset().powerFile().toString());
        data.put("weather_file", plant.definition().dataset().weatherFile().map(Object::toString).orElse(null));
        plant.history().ifPresent(history -> {
            data.put("from", history.timeline().start());
            data.put("to", history.timeline().time(history.timeline().size() - 1));
            data.put("grid_points", history.timeline().size());
            data.put("missing_points", history.quality().missingRows());
            data.put("dst_clock_shift_corrected", history.quality().clockShift().detected());
            data.put("night_tare_values_clipped", history.quality().negativeValuesClipped());
            data.put("weather_dni_dhi_from_erbs", history.weatherDecomposed());
        });
        plant.historyError().ifPresent(error -> data.put("error", error));
        body.put("data", data);
        Map<String, Object> models = new LinkedHashMap<>();
        for (WeatherInputs inputs : WeatherInputs.values()) {
            models.put(inputs.key(), model(plant.id(), inputs, plant.model(inputs)));
        }
        body.put("models", models);
        return Response.ok(Json.write(body), MediaType.APPLICATION_JSON).build();
    }

    private static Map<String, Object> config(PlantSite site, Optional<PlantConfig> config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("latitude", site.latitude());
        body.put("longitude", site.longitude());
        body.put("altitude_meters", site.altitudeMeters());
        body.put("zone", site.zone().getId());
        body.put("surface_tilt_degrees", site.tiltDegrees());
        body.put("surface_azimuth_degrees", site.azimuthDegrees());
        body.put("linke_turbidity", site.linkeTurbidity());
        config.ifPresent(c -> {
            body.put("dc_capacity_kw", ForecastStatistics.kw(c.dcCapacityKw()));
            body.put("ac_capacity_kw", ForecastStatistics.kw(c.acCapacityKw()));
        });
        body.put("capacities_estimated_from_data", Double.isNaN(site.dcCapacityKw()) || Double.isNaN(site.acCapacityKw()));
        return body;
    }

    private static Map<String, Object> model(String plantId, WeatherInputs inputs, Optional<QuantileModelSet> model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trained", model.isPresent());
        if (model.isEmpty()) {
            body.put("how_to_train", "bin/train --plant " + plantId + " --settings " + inputs.key());
            return body;
        }
        ModelMetadata metadata = model.get().metadata();
        body.put("trained_at", metadata.trainedAt());
        body.put("training_period", Map.of("from", metadata.trainingFrom(), "to", metadata.trainingTo()));
        body.put("training_rows", metadata.trainingRows());
        body.put("xgboost_version", metadata.xgboostVersion());
        body.put("rounds", metadata.rounds());
        body.put("parameters", metadata.parameters());
        body.put("features", metadata.features());
        body.put("validation", metadata.validation());
        body.put("interval_calibration", metadata.intervalCalibration());
        return body;
    }
}
