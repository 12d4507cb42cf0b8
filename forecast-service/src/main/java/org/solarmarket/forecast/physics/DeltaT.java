package org.solarmarket.forecast.physics;

import java.time.Instant;

/**
 * Estimates of delta T = TT - UT [s] from the polynomials of Espenak and Meeus ("Five Millennium
 * Canon of Solar Eclipses", NASA/TP-2006-214141), for the years 1986 to 2150, with their long-term
 * parabola outside that range.
 *
 * <p>NOTE: after about 2025 the values are extrapolations. An error of 10 s in delta T moves the
 * computed Sun by about 1e-4° along its path, within SPA's stated uncertainty of 0.0003°.
 */
public final class DeltaT {

    private DeltaT() {
    }

    /** Returns the estimated delta T [s] at an instant. */
    public static double estimate(Instant time) {
        double julianYears = (SunEphemeris.julianDay(time) - SunEphemeris.J2000) / 365.25;
        return estimate(2000.0 + julianYears);
    }

    /** Returns the estimated delta T [s] for a decimal year. */
    public static double estimate(double year) {
        if (year >= 1986 && year < 2005) {
            double t = year - 2000;
            return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
        }
        if (year >= 2005 && year < 2050) {
            double t = year - 2000;
            return 62.92 + t * (0.32217 + t * 0.005589);
        }
        if (year >= 2050 && year < 2150) {
            double u = (year - 1820) / 100.0;
            return -20 + 32 * u * u - 0.5628 * (2150 - year);
        }
        double u = (year - 1820) / 100.0;
        return -20 + 32 * u * u;
    }
}
