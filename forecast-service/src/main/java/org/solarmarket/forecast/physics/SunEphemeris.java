package org.solarmarket.forecast.physics;

import static org.solarmarket.forecast.physics.SpaPeriodicTerms.B0;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.B1;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.L0;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.L1;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.L2;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.L3;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.L4;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.L5;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.NUTATION;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.R0;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.R1;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.R2;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.R3;
import static org.solarmarket.forecast.physics.SpaPeriodicTerms.R4;

import java.time.Instant;

/**
 * Steps 3.1 to 3.10 of the NREL Solar Position Algorithm (I. Reda and A. Andreas, "Solar Position
 * Algorithm for Solar Radiation Applications", NREL/TP-560-34302, revised January 2008): the
 * geocentric position of the Sun from the Julian ephemeris day, and the Greenwich sidereal time of
 * step 3.8. Valid for the years -2000 to 6000.
 */
public final class SunEphemeris {

    /** Julian day of 1970-01-01T00:00Z. */
    static final double UNIX_EPOCH_JULIAN_DAY = 2440587.5;
    /** Julian day of the J2000.0 epoch. */
    static final double J2000 = 2451545.0;

    private SunEphemeris() {
    }

    /** Returns the Julian day (UT) of an instant, counting fractions of a second. */
    public static double julianDay(Instant time) {
        double seconds = time.getEpochSecond() + time.getNano() * 1e-9;
        return seconds / 86400.0 + UNIX_EPOCH_JULIAN_DAY;
    }

    /**
     * Computes the geocentric Sun.
     *
     * @param julianEphemerisDay JDE = JD + delta T / 86400 [days]
     * @return the geocentric apparent position and the nutation terms
     */
    public static GeocentricSun at(double julianEphemerisDay) {
        // 3.1.2 Julian ephemeris century and millennium.
        double jce = (julianEphemerisDay - J2000) / 36525.0;
        double jme = jce / 10.0;

        // 3.2 Earth heliocentric longitude L, latitude B and radius vector R.
        double lRad = polynomial(jme, sum(L0, jme), sum(L1, jme), sum(L2, jme), sum(L3, jme), sum(L4, jme),
                sum(L5, jme)) / 1e8;
        double bRad = polynomial(jme, sum(B0, jme), sum(B1, jme)) / 1e8;
        double radiusAu = polynomial(jme, sum(R0, jme), sum(R1, jme), sum(R2, jme), sum(R3, jme), sum(R4, jme))
                / 1e8;

        // 3.3 Geocentric longitude Theta and latitude beta.
        double thetaDegrees = normalize(Math.toDegrees(lRad) + 180.0);
        double betaDegrees = -Math.toDegrees(bRad);

        // 3.4 Nutation in longitude (delta psi) and obliquity (delta epsilon).
        double[] nutation = nutation(jce);
        double deltaPsi = nutation[0];
        double deltaEpsilon = nutation[1];

        // 3.5 True obliquity of the ecliptic, U = JME / 10.
        double u = jme / 10.0;
        double epsilon0Arcsec = 84381.448 + u * (-4680.93 + u * (-1.55 + u * (1999.25 + u * (-51.38
                + u * (-249.67 + u * (-39.05 + u * (7.12 + u * (27.87 + u * (5.79 + u * 2.45)))))))));
        double epsilonDegrees = epsilon0Arcsec / 3600.0 + deltaEpsilon;

        // 3.6 Aberration correction and 3.7 apparent Sun longitude lambda.
        double deltaTau = -20.4898 / (3600.0 * radiusAu);
        double lambdaDegrees = thetaDegrees + deltaPsi + deltaTau;

        // 3.9 and 3.10 Geocentric right ascension alpha and declination delta.
        double lambdaRad = Math.toRadians(lambdaDegrees);
        double epsilonRad = Math.toRadians(epsilonDegrees);
        double betaRad = Math.toRadians(betaDegrees);
        double alphaDegrees = normalize(Math.toDegrees(Math.atan2(
                Math.sin(lambdaRad) * Math.cos(epsilonRad) - Math.tan(betaRad) * Math.sin(epsilonRad),
                Math.cos(lambdaRad))));
        double deltaDegrees = Math.toDegrees(Math.asin(Math.sin(betaRad) * Math.cos(epsilonRad)
                + Math.cos(betaRad) * Math.sin(epsilonRad) * Math.sin(lambdaRad)));

        // A.1 Sun mean longitude M for the equation of time.
        double sunMeanLongitude = normalize(280.4664567 + jme * (360007.6982779 + jme * (0.03032028
                + jme * (1.0 / 49931.0 + jme * (-1.0 / 15300.0 + jme * (-1.0 / 2000000.0))))));

        return new GeocentricSun(alphaDegrees, deltaDegrees, radiusAu, deltaPsi, epsilonDegrees,
                sunMeanLongitude);
    }

    /**
     * Returns the mean sidereal time at Greenwich nu0 [°] in [0, 360) for a Julian day in UT
     * (SPA step 3.8.1).
     */
    public static double greenwichMeanSiderealTime(double julianDay) {
        double jc = (julianDay - J2000) / 36525.0;
        double days = julianDay - J2000;
        // Split the large linear term so its fraction of a turn keeps full precision.
        double turns = days * 0.98564736629 + 280.46061837;
        return normalize(turns + 360.0 * (days - Math.floor(days)) + jc * jc * (0.000387933 - jc / 38710000.0));
    }

    /** Returns {delta psi, delta epsilon} [°]. */
    static double[] nutation(double jce) {
        // 3.4.1 to 3.4.5: mean elongation of the Moon, mean anomalies, argument of latitude and node.
        double x0 = 297.85036 + jce * (445267.111480 + jce * (-0.0019142 + jce / 189474.0));
        double x1 = 357.52772 + jce * (35999.050340 + jce * (-0.0001603 - jce / 300000.0));
        double x2 = 134.96298 + jce * (477198.867398 + jce * (0.0086972 + jce / 56250.0));
        double x3 = 93.27191 + jce * (483202.017538 + jce * (-0.0036825 + jce / 327270.0));
        double x4 = 125.04452 + jce * (-1934.136261 + jce * (0.0020708 + jce / 450000.0));
        double x0Rad = Math.toRadians(x0);
        double x1Rad = Math.toRadians(x1);
        double x2Rad = Math.toRadians(x2);
        double x3Rad = Math.toRadians(x3);
        double x4Rad = Math.toRadians(x4);

        double psiSum = 0.0;
        double epsilonSum = 0.0;
        for (double[] row : NUTATION) {
            double argument = x0Rad * row[0] + x1Rad * row[1] + x2Rad * row[2] + x3Rad * row[3] + x4Rad * row[4];
            psiSum += (row[5] + row[6] * jce) * Math.sin(argument);
            epsilonSum += (row[7] + row[8] * jce) * Math.cos(argument);
        }
        return new double[] {psiSum / 36000000.0, epsilonSum / 36000000.0};
    }

    private static double sum(double[][] terms, double jme) {
        double total = 0.0;
        for (double[] term : terms) {
            total += term[0] * Math.cos(term[1] + term[2] * jme);
        }
        return total;
    }

    private static double polynomial(double x, double... coefficients) {
        double value = 0.0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            value = value * x + coefficients[i];
        }
        return value;
    }

    static double normalize(double degrees) {
        double value = degrees % 360.0;
        return value < 0 ? value + 360.0 : value;
    }
}
