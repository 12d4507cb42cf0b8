package org.solarmarket.forecast.physics;

import java.time.Instant;

/**
 * Topocentric solar position after the NREL Solar Position Algorithm (I. Reda and A. Andreas, "Solar
 * Position Algorithm for Solar Radiation Applications", NREL/TP-560-34302, revised January 2008),
 * stated uncertainty ±0.0003° for the years -2000 to 6000.
 *
 * <p>A single instant is computed in full. A series shares the observer-independent ephemeris: it is
 * evaluated at nodes {@value #NODE_SPACING_DAYS} days apart and interpolated with a cubic Lagrange
 * polynomial, which stays within 1e-6° of the full computation, while the sidereal time, hour angle,
 * parallax and refraction are computed at every instant.
 */
public final class SolarPositionCalculator {

    /** Atmospheric refraction at sunrise and sunset [°] (SPA default). */
    public static final double HORIZON_REFRACTION = 0.5667;
    /** Apparent radius of the Sun [°]. */
    public static final double SUN_RADIUS = 0.26667;
    /** Spacing of the ephemeris nodes of a series [days]. */
    static final double NODE_SPACING_DAYS = 1.0;

    private static final double EARTH_RADIUS_METERS = 6378140.0;
    private static final double POLAR_AXIS_RATIO = 0.99664719;

    private SolarPositionCalculator() {
    }

    /**
     * Computes the solar position with delta T estimated from the date.
     *
     * @param time     the instant
     * @param observer location and air of the observer
     */
    public static SolarPosition position(Instant time, Observer observer) {
        return position(time, observer, DeltaT.estimate(time));
    }

    /**
     * Computes the solar position.
     *
     * @param time          the instant
     * @param observer      location and air of the observer
     * @param deltaTSeconds TT - UT [s]
     */
    public static SolarPosition position(Instant time, Observer observer, double deltaTSeconds) {
        double julianDay = SunEphemeris.julianDay(time);
        GeocentricSun sun = SunEphemeris.at(julianDay + deltaTSeconds / 86400.0);
        return topocentric(julianDay, sun, observer);
    }

    /**
     * Computes the solar position at latitude [°], longitude [°, east positive] and altitude [m] with
     * standard-atmosphere pressure and {@value Observer#DEFAULT_TEMPERATURE_C} °C.
     */
    public static SolarPosition position(Instant time, double latitude, double longitude, double altitudeMeters) {
        return position(time, Observer.at(latitude, longitude, altitudeMeters));
    }

    /**
     * Computes the solar position for each instant of a series, in any order and at any spacing,
     * with delta T estimated for each instant, so the result for an instant does not depend on the
     * rest of the series.
     */
    public static SolarPosition[] series(Instant[] times, Observer observer) {
        return series(times, observer, Double.NaN);
    }

    /**
     * Computes the solar position for each instant of a series with a fixed delta T [s]; NaN
     * estimates it for each instant.
     */
    public static SolarPosition[] series(Instant[] times, Observer observer, double deltaTSeconds) {
        SolarPosition[] positions = new SolarPosition[times.length];
        EphemerisInterpolator ephemeris = new EphemerisInterpolator();
        ObserverFrame frame = new ObserverFrame(observer);
        for (int i = 0; i < times.length; i++) {
            double julianDay = SunEphemeris.julianDay(times[i]);
            double deltaT = Double.isNaN(deltaTSeconds) ? DeltaT.estimate(times[i]) : deltaTSeconds;
            GeocentricSun sun = ephemeris.at(julianDay + deltaT / 86400.0);
            positions[i] = frame.position(julianDay, sun);
        }
        return positions;
    }

    /**
     * Returns the geocentric altitude of the Sun's centre [°] without refraction, the quantity SPA
     * uses for sunrise, sunset and transit.
     */
    static double geocentricAltitude(double julianDay, GeocentricSun sun, double latitude, double longitude) {
        double hourAngleRad = Math.toRadians(localHourAngle(julianDay, sun, longitude));
        double latitudeRad = Math.toRadians(latitude);
        double declinationRad = Math.toRadians(sun.declination());
        return Math.toDegrees(Math.asin(Math.sin(latitudeRad) * Math.sin(declinationRad)
                + Math.cos(latitudeRad) * Math.cos(declinationRad) * Math.cos(hourAngleRad)));
    }

    /** Returns the geocentric local hour angle H [°] in [0, 360) (SPA step 3.11). */
    static double localHourAngle(double julianDay, GeocentricSun sun, double longitude) {
        double nu = SunEphemeris.greenwichMeanSiderealTime(julianDay) + sun.equationOfEquinoxes();
        return SunEphemeris.normalize(nu + longitude - sun.rightAscension());
    }

    static SolarPosition topocentric(double julianDay, GeocentricSun sun, Observer observer) {
        return new ObserverFrame(observer).position(julianDay, sun);
    }

    /** The observer-dependent constants of SPA steps 3.12 and 3.14, computed once per observer. */
    static final class ObserverFrame {
        private final Observer observer;
        private final double sinLatitude;
        private final double cosLatitude;
        private final double x;
        private final double y;
        private final double refractionScale;

        ObserverFrame(Observer observer) {
            this.observer = observer;
            double latitudeRad = Math.toRadians(observer.latitude());
            sinLatitude = Math.sin(latitudeRad);
            cosLatitude = Math.cos(latitudeRad);
            // 3.12.2-3.12.5 The observer's position relative to the Earth's centre.
            double uRad = Math.atan(POLAR_AXIS_RATIO * Math.tan(latitudeRad));
            double heightRatio = observer.elevationMeters() / EARTH_RADIUS_METERS;
            x = Math.cos(uRad) + heightRatio * cosLatitude;
            y = POLAR_AXIS_RATIO * Math.sin(uRad) + heightRatio * sinLatitude;
            refractionScale = (observer.pressureHpa() / 1010.0) * (283.0 / (273.0 + observer.temperatureC()));
        }

        SolarPosition position(double julianDay, GeocentricSun sun) {
            double hourAngleRad = Math.toRadians(localHourAngle(julianDay, sun, observer.longitude()));
            double declinationRad = Math.toRadians(sun.declination());
            double sinHourAngle = Math.sin(hourAngleRad);
            double cosHourAngle = Math.cos(hourAngleRad);
            double sinDeclination = Math.sin(declinationRad);
            double cosDeclination = Math.cos(declinationRad);

            // 3.12.1 Equatorial horizontal parallax xi.
            double sinXi = Math.sin(Math.toRadians(8.794 / (3600.0 * sun.earthSunDistance())));

            // 3.12 and 3.13 Parallax in right ascension delta alpha, topocentric declination delta' and hour
            // angle H' = H - delta alpha. With t = tan(delta alpha), whose size is below 1e-4, the sines and
            // cosines follow from t without further trigonometric calls.
            double denominator = cosDeclination - x * sinXi * cosHourAngle;
            double t = -x * sinXi * sinHourAngle / denominator;
            double cosDeltaAlpha = 1.0 / Math.sqrt(1.0 + t * t);
            double sinDeltaAlpha = t * cosDeltaAlpha;
            // atan(t) to within t^5 / 5 < 1e-20 rad.
            double deltaAlphaRad = t - t * t * t / 3.0;
            double numerator = (sinDeclination - y * sinXi) * cosDeltaAlpha;
            double radius = Math.sqrt(numerator * numerator + denominator * denominator);
            double sinTopocentricDeclination = numerator / radius;
            double cosTopocentricDeclination = denominator / radius;
            double topocentricDeclinationRad = Math.atan2(numerator, denominator);
            double topocentricHourAngleRad = hourAngleRad - deltaAlphaRad;
            double sinTopocentricHourAngle = sinHourAngle * cosDeltaAlpha - cosHourAngle * sinDeltaAlpha;
            double cosTopocentricHourAngle = cosHourAngle * cosDeltaAlpha + sinHourAngle * sinDeltaAlpha;

            // 3.14.1 Topocentric elevation angle without refraction e0.
            double e0Degrees = Math.toDegrees(Math.asin(sinLatitude * sinTopocentricDeclination
                    + cosLatitude * cosTopocentricDeclination * cosTopocentricHourAngle));

            // 3.14.2 Refraction correction, applied only while the Sun's upper limb can be above the horizon.
            double refractionDegrees = 0.0;
            if (e0Degrees >= -(SUN_RADIUS + HORIZON_REFRACTION)) {
                refractionDegrees = refractionScale * 1.02
                        / (60.0 * Math.tan(Math.toRadians(e0Degrees + 10.3 / (e0Degrees + 5.11))));
            }
            double apparentElevation = e0Degrees + refractionDegrees;

            // 3.15 Astronomers' azimuth Gamma (from south), turned into the navigators' azimuth Phi.
            double gammaDegrees = Math.toDegrees(Math.atan2(sinTopocentricHourAngle,
                    cosTopocentricHourAngle * sinLatitude
                            - sinTopocentricDeclination / cosTopocentricDeclination * cosLatitude));
            double azimuth = SunEphemeris.normalize(gammaDegrees + 180.0);

            double signedHourAngle = SunEphemeris.normalize(Math.toDegrees(topocentricHourAngleRad) + 180.0) - 180.0;
            return new SolarPosition(90.0 - e0Degrees, 90.0 - apparentElevation, azimuth, e0Degrees,
                    apparentElevation, sun.equationOfTimeMinutes(), Math.toDegrees(topocentricDeclinationRad),
                    signedHourAngle, sun.earthSunDistance());
        }
    }

    /**
     * Geocentric ephemeris of a series, computed at nodes on a fixed grid of Julian ephemeris days and
     * interpolated between them with four-point Lagrange polynomials.
     */
    static final class EphemerisInterpolator {

        /** Nodes k - 1 to k + 2 of the last interval used, so an ordered series computes each node once. */
        private final GeocentricSun[] window = new GeocentricSun[4];
        private long windowStart = Long.MIN_VALUE;

        GeocentricSun at(double julianEphemerisDay) {
            double position = julianEphemerisDay / NODE_SPACING_DAYS;
            long k = (long) Math.floor(position);
            double u = position - k;
            moveWindow(k - 1);
            GeocentricSun p0 = window[0];
            GeocentricSun p1 = window[1];
            GeocentricSun p2 = window[2];
            GeocentricSun p3 = window[3];
            // Lagrange weights for nodes at -1, 0, 1, 2 evaluated at u in [0, 1).
            double w0 = -u * (u - 1) * (u - 2) / 6.0;
            double w1 = (u + 1) * (u - 1) * (u - 2) / 2.0;
            double w2 = -(u + 1) * u * (u - 2) / 2.0;
            double w3 = (u + 1) * u * (u - 1) / 6.0;
            double[] weights = {w0, w1, w2, w3};
            double alpha = SunEphemeris.normalize(angle(weights, p1.rightAscension(), p0.rightAscension(),
                    p1.rightAscension(), p2.rightAscension(), p3.rightAscension()));
            double meanLongitude = SunEphemeris.normalize(angle(weights, p1.sunMeanLongitude(),
                    p0.sunMeanLongitude(), p1.sunMeanLongitude(), p2.sunMeanLongitude(), p3.sunMeanLongitude()));
            return new GeocentricSun(alpha,
                    w0 * p0.declination() + w1 * p1.declination() + w2 * p2.declination() + w3 * p3.declination(),
                    w0 * p0.earthSunDistance() + w1 * p1.earthSunDistance() + w2 * p2.earthSunDistance()
                            + w3 * p3.earthSunDistance(),
                    w0 * p0.nutationInLongitude() + w1 * p1.nutationInLongitude() + w2 * p2.nutationInLongitude()
                            + w3 * p3.nutationInLongitude(),
                    w0 * p0.trueObliquity() + w1 * p1.trueObliquity() + w2 * p2.trueObliquity()
                            + w3 * p3.trueObliquity(),
                    meanLongitude);
        }

        private void moveWindow(long start) {
            if (start == windowStart) {
                return;
            }
            GeocentricSun[] moved = new GeocentricSun[4];
            for (int i = 0; i < 4; i++) {
                long index = start + i;
                long offset = index - windowStart;
                moved[i] = windowStart != Long.MIN_VALUE && offset >= 0 && offset < 4
                        ? window[(int) offset]
                        : SunEphemeris.at(index * NODE_SPACING_DAYS);
            }
            System.arraycopy(moved, 0, window, 0, 4);
            windowStart = start;
        }

        /** Interpolates angles [°] after unwrapping each one to within 180° of the reference. */
        private static double angle(double[] weights, double reference, double... values) {
            double total = 0.0;
            for (int i = 0; i < values.length; i++) {
                double value = values[i];
                value -= 360.0 * Math.rint((value - reference) / 360.0);
                total += weights[i] * value;
            }
            return total;
        }
    }
}
