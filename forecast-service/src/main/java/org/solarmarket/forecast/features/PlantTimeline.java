package org.solarmarket.forecast.features;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One plant's series on a regular grid, everything the feature builder reads. Power values are
 * in kW and NaN where missing; the weather arrays are null when the plant has no weather.
 *
 * @param start               first grid instant
 * @param step                grid step
 * @param zone                the plant's zone, for the calendar features
 * @param acCapacityKw        AC capacity that normalises every power feature [kW]
 * @param powerKw             measured AC power [kW]
 * @param clearSkyPowerKw     AC power under a clear sky, {@code p_clear} [kW]
 * @param clearSkyGhi         clear-sky global horizontal irradiance [W/m²]
 * @param solarElevation      apparent solar elevation [°]
 * @param ghi                 global horizontal irradiance [W/m²], or null
 * @param airTemperature      air temperature [°C], or null
 * @param windSpeed           wind speed [m/s], or null
 * @param weatherPowerKw      AC power the physics gives for the weather [kW], or null
 */
public record PlantTimeline(
        Instant start,
        Duration step,
        ZoneId zone,
        double acCapacityKw,
        double[] powerKw,
        double[] clearSkyPowerKw,
        double[] clearSkyGhi,
        double[] solarElevation,
        double[] ghi,
        double[] airTemperature,
        double[] windSpeed,
        double[] weatherPowerKw) {

    public int size() {
        return powerKw.length;
    }

    public Instant time(int index) {
        return start.plus(step.multipliedBy(index));
    }

    public boolean hasWeather() {
        return ghi != null;
    }

    /** True when the sun is up and the plant can produce, which is where metrics are taken. */
    public boolean isDaylight(int index) {
        return clearSkyPowerKw[index] > 0;
    }

    /** Copies grid points [from, to) into a new timeline. */
    public PlantTimeline slice(int from, int to) {
        return new PlantTimeline(time(from), step, zone, acCapacityKw, copy(powerKw, from, to),
                copy(clearSkyPowerKw, from, to), copy(clearSkyGhi, from, to), copy(solarElevation, from, to),
                copy(ghi, from, to), copy(airTemperature, from, to), copy(windSpeed, from, to),
                copy(weatherPowerKw, from, to));
    }

    private static double[] copy(double[] values, int from, int to) {
        return values == null ? null : java.util.Arrays.copyOfRange(values, from, to);
    }

    public int indexOf(Instant time) {
        long offset = Duration.between(start, time).getSeconds();
        long stepSeconds = step.getSeconds();
        if (offset < 0 || offset % stepSeconds != 0 || offset / stepSeconds >= powerKw.length) {
            return -1;
        }
        return (int) (offset / stepSeconds);
    }
}
