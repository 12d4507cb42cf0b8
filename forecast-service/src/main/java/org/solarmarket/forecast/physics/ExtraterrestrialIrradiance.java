package org.solarmarket.forecast.physics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Extraterrestrial normal irradiance, the solar constant corrected for the Earth-Sun distance [W/m²].
 *
 * <p>References: J. W. Spencer, "Fourier series representation of the position of the sun", Search
 * 2(5), 172, 1971; ASCE, "The ASCE standardized reference evapotranspiration equation", 2005; and the
 * NREL SPA radius vector.
 */
public final class ExtraterrestrialIrradiance {

    /** Solar constant [W/m²] (the value pvlib uses). */
    public static final double SOLAR_CONSTANT = 1366.1;

    private ExtraterrestrialIrradiance() {
    }

    /**
     * Returns the day of year (1 to 366) of an instant, always taken from its UTC date so that the same
     * instant gives the same value whichever zone it was written in.
     */
    public static int dayOfYear(Instant time) {
        return LocalDate.ofEpochDay(Math.floorDiv(time.getEpochSecond(), 86400L)).getDayOfYear();
    }

    /** Returns Spencer's (1971) Fourier series for a day of year [W/m²]. */
    public static double spencer(double dayOfYear) {
        return spencer(dayOfYear, SOLAR_CONSTANT);
    }

    /** Returns Spencer's (1971) Fourier series for a day of year and a solar constant [W/m²]. */
    public static double spencer(double dayOfYear, double solarConstant) {
        double b = 2.0 * Math.PI * (dayOfYear - 1.0) / 365.0;
        double inverseSquaredDistance = 1.00011 + 0.034221 * Math.cos(b) + 0.00128 * Math.sin(b)
                + 0.000719 * Math.cos(2.0 * b) + 0.000077 * Math.sin(2.0 * b);
        return solarConstant * inverseSquaredDistance;
    }

    /** Returns the ASCE (2005) approximation 1 + 0.033 cos(2 pi doy / 365) times the solar constant [W/m²]. */
    public static double asce(double dayOfYear) {
        return SOLAR_CONSTANT * (1.0 + 0.033 * Math.cos(2.0 * Math.PI * dayOfYear / 365.0));
    }

    /** Returns the solar constant over the squared SPA Earth-Sun distance at an instant [W/m²]. */
    public static double nrel(Instant time, double deltaTSeconds) {
        double distance = SunEphemeris.at(SunEphemeris.julianDay(time) + deltaTSeconds / 86400.0).earthSunDistance();
        return fromDistance(distance);
    }

    /** Returns the solar constant over the squared Earth-Sun distance [AU] [W/m²]. */
    public static double fromDistance(double earthSunDistanceAu) {
        return SOLAR_CONSTANT / (earthSunDistanceAu * earthSunDistanceAu);
    }
}
