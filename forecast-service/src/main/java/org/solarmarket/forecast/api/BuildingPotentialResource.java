package org.solarmarket.forecast.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.solarmarket.contracts.Json;
import org.solarmarket.forecast.carbon.CarbonFigures;
import org.solarmarket.forecast.dataset.PlantSite;
import org.solarmarket.forecast.physics.InvalidInputException;
import org.solarmarket.forecast.physics.PvSystemModel;
import org.solarmarket.forecast.plant.PlantConfig;
import org.solarmarket.forecast.serving.ForecastConfig;
import org.solarmarket.forecast.serving.PlantRegistry;
import org.solarmarket.forecast.serving.ServedPlant;

/**
 * {@code POST /api/solar/building-potential}: panels, capacity and annual energy of a roof.
 *
 * <p>The annual energy is the physics' clear-sky AC energy over a full year at 30-minute steps,
 * times a sky factor: the measured energy of the default plant over its clear-sky energy, which
 * folds in its local clouds, soiling and outages. The sky factor is only as representative as that
 * plant's climate; without its history a fixed fallback is used and the response names
 * the source.
 */
@Path("/api/solar/building-potential")
public class BuildingPotentialResource {

    static final Set<String> FIELDS = Set.of("roof_area_m2", "latitude", "longitude", "altitude_meters",
            "tilt_degrees", "azimuth_degrees", "panel_area_m2", "panel_power_w");

    /** Sky factor used when no measured history is available. */
    static final double FALLBACK_SKY_FACTOR = 0.75;
    static final int YEAR = 2025;

    private final ForecastConfig config;
    private final PlantRegistry registry;

    public BuildingPotentialResource(ForecastConfig config, PlantRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /**
     * Body: {@code roof_area_m2} (required, > 0), optional {@code latitude}, {@code longitude},
     * {@code altitude_meters}, {@code tilt_degrees}, {@code azimuth_degrees}, {@code panel_area_m2}
     * and {@code panel_power_w}. The default panel is 1.7 m² and 400 W (a common 60-cell size).
     * Without a location the default plant's site is used. A location without
     * {@code altitude_meters} is taken to be at sea level, which the response notes.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response potential(String body) {
        RequestBody request = RequestBody.parse(body, FIELDS);
        double roofArea = request.number("roof_area_m2", 0, true, 1.0e7)
                .orElseThrow(() -> ProblemException.invalid("roof_area_m2", null, "is required and must be > 0"));
        PlantSite reference = registry.find(registry.defaultPlantId()).map(p -> p.definition().site()).orElse(null);
        double latitude = request.number("latitude", -90, false, 90)
                .orElse(reference == null ? 0 : reference.latitude());
        double longitude = request.number("longitude", -180, false, 180)
                .orElse(reference == null ? 0 : reference.longitude());
        if (request.has("latitude") != request.has("longitude")) {
            String missing = request.has("latitude") ? "longitude" : "latitude";
            throw ProblemException.invalid(missing, null, "is required when "
                    + (missing.equals("latitude") ? "longitude" : "latitude") + " is given; a location needs both");
        }
        boolean ownLocation = request.has("latitude");
        double altitude = request.number("altitude_meters", -500, false, 9000)
                .orElse(reference == null || ownLocation ? 0 : reference.altitudeMeters());
        double tilt = request.number("tilt_degrees", 0, false, 90).orElse(PlantConfig.DEFAULT_TILT);
        double azimuth = request.number("azimuth_degrees", 0, false, 359.999).orElse(latitude >= 0 ? 180.0 : 0.0);
        double panelArea = request.number("panel_area_m2", 0, true, 10).orElse(config.building().panelAreaM2());
        double panelPower = request.number("panel_power_w", 0, true, 2000).orElse(config.building().panelPowerW());

        int panels = (int) Math.floor(roofArea * config.building().usableRoofFraction() / panelArea);
        double dcKw = panels * panelPower / 1000.0;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("roof_area_m2", ForecastStatistics.kw(roofArea));
        result.put("usable_roof_fraction", config.building().usableRoofFraction());
        result.put("panel", Map.of("area_m2", panelArea, "power_w", panelPower));
        result.put("panel_count", panels);
        result.put("dc_capacity_kw", ForecastStatistics.kw(dcKw));
        if (panels == 0) {
            result.put("ac_capacity_kw", BigDecimal.ZERO);
            result.put("annual_energy_kwh", BigDecimal.ZERO);
            result.put("notes", List.of("the usable roof area is smaller than one panel"));
            return Response.ok(Json.write(result), MediaType.APPLICATION_JSON).build();
        }
        PlantConfig plant;
        try {
            plant = PlantConfig.builder().latitude(latitude).longitude(longitude).altitudeMeters(altitude)
                    .zoneId(ZoneOffset.UTC).dcCapacityKw(dcKw).acCapacityKw(dcKw / PlantConfig.DEFAULT_DC_AC_RATIO)
                    .surfaceTiltDegrees(tilt).surfaceAzimuthDegrees(azimuth).build();
        } catch (InvalidInputException e) {
            throw ProblemException.invalid(e.field(), e.value(), e.getMessage());
        }
        Instant[] times = yearAtHalfHours();
        double[] clearPower = new PvSystemModel(plant).clearSkyAcPowerKw(times);
        double[] skyFactor = skyFactor();
        TreeMap<YearMonth, Double> monthly = new TreeMap<>();
        double clearEnergy = 0;
        for (int i = 0; i < times.length; i++) {
            double energy = clearPower[i] * 0.5;
            clearEnergy += energy;
            monthly.merge(YearMonth.from(times[i].atZone(ZoneOffset.UTC)), energy * skyFactor[0], Double::sum);
        }
        BigDecimal annual = ForecastStatistics.kw(clearEnergy * skyFactor[0]);
        result.put("ac_capacity_kw", ForecastStatistics.kw(plant.acCapacityKw()));
        result.put("site", Map.of("latitude", latitude, "longitude", longitude, "altitude_meters", altitude,
                "tilt_degrees", tilt, "azimuth_degrees", azimuth));
        result.put("annual_clear_sky_energy_kwh", ForecastStatistics.kw(clearEnergy));
        result.put("sky_factor", BigDecimal.valueOf(skyFactor[0]).setScale(4, RoundingMode.HALF_UP));
        result.put("sky_factor_source", skyFactor[1] > 0 ? "measured energy over clear-sky energy of plant "
                + registry.defaultPlantId() : "fallback constant; no measured history was available");
        result.put("annual_energy_kwh", annual);
        List<String> notes = new ArrayList<>();
        if (ownLocation && !request.has("altitude_meters")) {
            notes.add("altitude_meters was not given, so the site is taken to be at sea level");
        }
        if (ownLocation && skyFactor[1] > 0) {
            notes.add("the sky factor was measured at plant " + registry.defaultPlantId()
                    + "; the clouds of another climate change the annual energy");
        }
        result.put("specific_yield_kwh_per_kwp", annual.divide(BigDecimal.valueOf(dcKw), 1, RoundingMode.HALF_UP));
        result.put("environmental_impact", ForecastStatistics.carbon(CarbonFigures.of(annual)));
        List<Map<String, Object>> months = new ArrayList<>();
        monthly.forEach((month, energy) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", month.getMonthValue());
            row.putAll(ForecastStatistics.carbon(CarbonFigures.of(ForecastStatistics.kw(energy))));
            months.add(row);
        });
        result.put("monthly", months);
        if (!notes.isEmpty()) {
            result.put("notes", notes);
        }
        return Response.ok(Json.write(result), MediaType.APPLICATION_JSON).build();
    }

    private static Instant[] yearAtHalfHours() {
        Instant start = LocalDate.of(YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(900);
        int count = 365 * 48;
        Instant[] times = new Instant[count];
        for (int i = 0; i < count; i++) {
            times[i] = start.plusSeconds(1800L * i);
        }
        return times;
    }

    /** Returns {factor, 1 when measured else 0}. */
    private double[] skyFactor() {
        ServedPlant plant = registry.find(registry.defaultPlantId()).orElse(null);
        if (plant == null || plant.history().isEmpty()) {
            return new double[] {FALLBACK_SKY_FACTOR, 0};
        }
        var timeline = plant.history().get().timeline();
        double measured = 0;
        double clear = 0;
        for (int i = 0; i < timeline.size(); i++) {
            if (!Double.isNaN(timeline.powerKw()[i])) {
                measured += timeline.powerKw()[i];
                clear += timeline.clearSkyPowerKw()[i];
            }
        }
        return clear > 0 ? new double[] {measured / clear, 1} : new double[] {FALLBACK_SKY_FACTOR, 0};
    }
}
