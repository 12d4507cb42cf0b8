package org.solarmarket.forecast.solar;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.logging.Logger;
import org.solarmarket.forecast.physics.Atmosphere;
import org.solarmarket.forecast.physics.ClearSkyModel;
import org.solarmarket.forecast.physics.DeltaT;
import org.solarmarket.forecast.physics.ExtraterrestrialIrradiance;
import org.solarmarket.forecast.physics.InvalidInputException;
import org.solarmarket.forecast.physics.Irradiance;
import org.solarmarket.forecast.physics.LocalTimes;
import org.solarmarket.forecast.physics.Observer;
import org.solarmarket.forecast.physics.SolarPosition;
import org.solarmarket.forecast.physics.SolarPositionCalculator;
import org.solarmarket.forecast.physics.SunDay;
import org.solarmarket.forecast.physics.SunriseSunsetCalculator;
import org.solarmarket.forecast.physics.Transposition;
import org.solarmarket.forecast.plant.PlantConfig;

/**
 * Solar position and clear-sky irradiance for any place and instant. Every figure in a response is a
 * number in the unit that the response's {@code units} object gives for its name.
 */
@Path("/api/solar")
@Produces(MediaType.APPLICATION_JSON)
public class SolarResource {

    private static final Logger LOG = Logger.getLogger(SolarResource.class);

    private static final String LATITUDE_DOC = "Latitude [°], north positive, -90 to 90";
    private static final String LONGITUDE_DOC = "Longitude [°], east positive, -180 to 180";
    private static final String TIME_DOC = "ISO-8601 instant with an offset or a zone id in brackets, e.g. "
            + "2026-06-21T12:00:00+02:00 or 2026-06-21T12:00:00[Europe/Berlin]; a local time inside a DST gap "
            + "moves forward by the gap, one inside an overlap takes the earlier instant";
    private static final String ALTITUDE_DOC = "Site altitude [m], -500 to 9000, default 0";
    private static final String PRESSURE_DOC = "Air pressure [hPa], 300 to 1100, default: standard atmosphere "
            + "at the altitude";
    private static final String TEMPERATURE_DOC = "Air temperature [°C], -90 to 60, default 12";
    private static final String DELTA_T_DOC = "TT - UT [s], -8000 to 8000, default: estimated from the date";
    static final Set<String> POSITION_PARAMETERS = Set.of("latitude", "longitude", "time", "altitude", "pressure",
            "temperature", "delta_t", "surface_tilt", "surface_azimuth", "timezone");
    static final Set<String> CLEAR_SKY_PARAMETERS = Set.of("latitude", "longitude", "time", "altitude",
            "pressure", "temperature", "delta_t", "linke_turbidity", "model");

    @GET
    @Path("/position")
    @Operation(summary = "Solar position (NREL SPA) and the day's sunrise, transit and sunset")
    public Map<String, Object> position(
            @Parameter(description = LATITUDE_DOC, required = true) @QueryParam("latitude") String latitude,
            @Parameter(description = LONGITUDE_DOC, required = true) @QueryParam("longitude") String longitude,
            @Parameter(description = TIME_DOC, required = true) @QueryParam("time") String time,
            @Parameter(description = ALTITUDE_DOC) @QueryParam("altitude") String altitude,
            @Parameter(description = PRESSURE_DOC) @QueryParam("pressure") String pressure,
            @Parameter(description = TEMPERATURE_DOC) @QueryParam("temperature") String temperature,
            @Parameter(description = DELTA_T_DOC) @QueryParam("delta_t") String deltaT,
            @Parameter(description = "Surface tilt [°], 0 to 90; with surface_azimuth gives the angle of incidence")
            @QueryParam("surface_tilt") String surfaceTilt,
            @Parameter(description = "Surface azimuth [°], clockwise from north, 0 to 360, default 180")
            @QueryParam("surface_azimuth") String surfaceAzimuth,
            @Parameter(description = "Zone whose calendar day the sunrise and sunset belong to, e.g. "
                    + "America/Denver; default: the zone or offset of time") @QueryParam("timezone") String timezone,
            @Context UriInfo uri) {
        QueryParameters.requireKnown(uri, POSITION_PARAMETERS);
        Site site = Site.parse(latitude, longitude, time, altitude, pressure, temperature, deltaT, timezone);
        double tilt = QueryParameters.optional("surface_tilt", surfaceTilt, 0.0, 90.0);
        double azimuth = QueryParameters.optional("surface_azimuth", surfaceAzimuth, 0.0, 360.0, 180.0);

        SolarPosition position = SolarPositionCalculator.position(site.instant(), site.observer(), site.deltaT());
        SunDay day = SunriseSunsetCalculator.forDayOf(site.localTime(), site.observer().latitude(),
                site.observer().longitude(), site.deltaT());
        LOG.debugf("[position %s] zenith %.5f° at %.4f, %.4f", site.instant(), position.apparentZenith(),
                site.observer().latitude(), site.observer().longitude());

        Map<String, Object> body = site.describe();
        Map<String, String> units = new LinkedHashMap<>(site.units());
        put(body, units, "zenith", position.zenith(), "deg");
        put(body, units, "apparent_zenith", position.apparentZenith(), "deg");
        put(body, units, "azimuth", position.azimuth(), "deg");
        put(body, units, "elevation", position.elevation(), "deg");
        put(body, units, "apparent_elevation", position.apparentElevation(), "deg");
        put(body, units, "equation_of_time", position.equationOfTime(), "min");
        put(body, units, "declination", position.declination(), "deg");
        put(body, units, "hour_angle", position.hourAngle(), "deg");
        put(body, units, "earth_sun_distance", position.earthSunDistance(), "AU");
        if (!Double.isNaN(tilt)) {
            put(body, units, "surface_tilt", tilt, "deg");
            put(body, units, "surface_azimuth", azimuth, "deg");
            put(body, units, "angle_of_incidence",
                    Transposition.angleOfIncidence(tilt, azimuth, position.apparentZenith(), position.azimuth()), "deg");
        }
        body.put("day", day.date().toString());
        body.put("day_type", day.type().name().toLowerCase(Locale.ROOT));
        body.put("sunrise", day.sunrise().map(ZonedDateTime::toOffsetDateTime).map(Object::toString).orElse(null));
        body.put("transit", day.transit().map(ZonedDateTime::toOffsetDateTime).map(Object::toString).orElse(null));
        body.put("sunset", day.sunset().map(ZonedDateTime::toOffsetDateTime).map(Object::toString).orElse(null));
        units.put("sunrise", "ISO-8601 local time");
        units.put("transit", "ISO-8601 local time");
        units.put("sunset", "ISO-8601 local time");
        body.put("units", units);
        return body;
    }

    @GET
    @Path("/clearsky")
    @Operation(summary = "Clear-sky GHI, DNI and DHI (Ineichen-Perez, or Haurwitz for GHI only)")
    public Map<String, Object> clearSky(
            @Parameter(description = LATITUDE_DOC, required = true) @QueryParam("latitude") String latitude,
            @Parameter(description = LONGITUDE_DOC, required = true) @QueryParam("longitude") String longitude,
            @Parameter(description = TIME_DOC, required = true) @QueryParam("time") String time,
            @Parameter(description = ALTITUDE_DOC) @QueryParam("altitude") String altitude,
            @Parameter(description = PRESSURE_DOC) @QueryParam("pressure") String pressure,
            @Parameter(description = TEMPERATURE_DOC) @QueryParam("temperature") String temperature,
            @Parameter(description = DELTA_T_DOC) @QueryParam("delta_t") String deltaT,
            @Parameter(description = "Linke turbidity [unitless], 1 to 10, default "
                    + PlantConfig.DEFAULT_LINKE_TURBIDITY) @QueryParam("linke_turbidity") String linkeTurbidity,
            @Parameter(description = "ineichen (default) or haurwitz") @QueryParam("model") String model,
            @Context UriInfo uri) {
        QueryParameters.requireKnown(uri, CLEAR_SKY_PARAMETERS);
        Site site = Site.parse(latitude, longitude, time, altitude, pressure, temperature, deltaT, null);
        double linke = QueryParameters.optional("linke_turbidity", linkeTurbidity, 1.0, 10.0,
                PlantConfig.DEFAULT_LINKE_TURBIDITY);
        String modelName = model == null || model.isBlank() ? "ineichen" : model.trim().toLowerCase(Locale.ROOT);
        if (!modelName.equals("ineichen") && !modelName.equals("haurwitz")) {
            throw new InvalidInputException("model", model, "must be ineichen or haurwitz");
        }

        SolarPosition position = SolarPositionCalculator.position(site.instant(), site.observer(), site.deltaT());
        double relativeAirMass = Atmosphere.relativeAirMassKastenYoung1989(position.apparentZenith());
        double absoluteAirMass = Atmosphere.absoluteAirMass(relativeAirMass, site.observer().pressurePa());
        double dniExtra = ExtraterrestrialIrradiance.fromDistance(position.earthSunDistance());
        Irradiance clear = modelName.equals("haurwitz")
                ? new Irradiance(ClearSkyModel.haurwitz(position.apparentZenith()), Double.NaN, Double.NaN)
                : ClearSkyModel.ineichen(position.apparentZenith(), absoluteAirMass, linke,
                        site.observer().elevationMeters(), dniExtra);

        Map<String, Object> body = site.describe();
        Map<String, String> units = new LinkedHashMap<>(site.units());
        body.put("model", modelName);
        put(body, units, "ghi", clear.ghi(), "W/m2");
        if (modelName.equals("ineichen")) {
            put(body, units, "dni", clear.dni(), "W/m2");
            put(body, units, "dhi", clear.dhi(), "W/m2");
            put(body, units, "linke_turbidity", linke, "1");
        }
        put(body, units, "apparent_zenith", position.apparentZenith(), "deg");
        put(body, units, "azimuth", position.azimuth(), "deg");
        // Air mass is undefined with the Sun below the horizon; JSON gets null there.
        body.put("airmass_relative", Double.isNaN(relativeAirMass) ? null : relativeAirMass);
        units.put("airmass_relative", "1");
        body.put("airmass_absolute", Double.isNaN(absoluteAirMass) ? null : absoluteAirMass);
        units.put("airmass_absolute", "1");
        put(body, units, "dni_extra", dniExtra, "W/m2");
        body.put("units", units);
        return body;
    }

    private static void put(Map<String, Object> body, Map<String, String> units, String name, double value,
            String unit) {
        body.put(name, value);
        units.put(name, unit);
    }

    /** The parameters both endpoints share, validated. */
    private record Site(ZonedDateTime localTime, Observer observer, double deltaT) {

        static Site parse(String latitude, String longitude, String time, String altitude, String pressure,
                String temperature, String deltaT, String timezone) {
            double lat = QueryParameters.required("latitude", latitude, -90.0, 90.0);
            double lon = QueryParameters.required("longitude", longitude, -180.0, 180.0);
            ZonedDateTime zoned = LocalTimes.parseTimestamp("time", time);
            if (timezone != null && !timezone.isBlank()) {
                ZoneId zone = LocalTimes.parseZone("timezone", timezone);
                zoned = zoned.withZoneSameInstant(zone);
            }
            double alt = QueryParameters.optional("altitude", altitude, -500.0, 9000.0, 0.0);
            double hpa = QueryParameters.optional("pressure", pressure, 300.0, 1100.0,
                    Atmosphere.pressureFromAltitude(alt) / 100.0);
            double celsius = QueryParameters.optional("temperature", temperature, -90.0, 60.0,
                    Observer.DEFAULT_TEMPERATURE_C);
            Observer observer = new Observer(lat, lon, alt, hpa, celsius);
            double deltaTSeconds = QueryParameters.optional("delta_t", deltaT, -8000.0, 8000.0,
                    DeltaT.estimate(zoned.toInstant()));
            return new Site(zoned, observer, deltaTSeconds);
        }

        Instant instant() {
            return localTime.toInstant();
        }

        Map<String, Object> describe() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("time", instant().toString());
            body.put("local_time", localTime.toOffsetDateTime().toString());
            body.put("timezone", localTime.getZone().getId());
            body.put("latitude", observer.latitude());
            body.put("longitude", observer.longitude());
            body.put("altitude", observer.elevationMeters());
            body.put("pressure", observer.pressureHpa());
            body.put("temperature", observer.temperatureC());
            body.put("delta_t", deltaT);
            return body;
        }

        Map<String, String> units() {
            Map<String, String> units = new LinkedHashMap<>();
            units.put("latitude", "deg");
            units.put("longitude", "deg");
            units.put("altitude", "m");
            units.put("pressure", "hPa");
            units.put("temperature", "degC");
            units.put("delta_t", "s");
            return units;
        }
    }
}
