package org.solarmarket.forecast.physics;

/**
 * The observer-independent part of the NREL SPA at one Julian ephemeris day: where the Sun is seen
 * from the centre of the Earth, and the terms that link it to sidereal time and the equation of time.
 *
 * @param rightAscension          geocentric apparent right ascension alpha [°], in [0, 360)
 * @param declination             geocentric declination delta [°]
 * @param earthSunDistance        Earth radius vector R [AU]
 * @param nutationInLongitude     delta psi [°]
 * @param trueObliquity           epsilon, true obliquity of the ecliptic [°]
 * @param sunMeanLongitude        M, the Sun's mean longitude [°], in [0, 360)
 */
public record GeocentricSun(
        double rightAscension,
        double declination,
        double earthSunDistance,
        double nutationInLongitude,
        double trueObliquity,
        double sunMeanLongitude) {

    /** Returns delta psi * cos(epsilon) [°], the nutation correction to sidereal time. */
    public double equationOfEquinoxes() {
        return nutationInLongitude * Math.cos(Math.toRadians(trueObliquity));
    }

    /**
     * Returns the equation of time [min], apparent minus mean solar time, in [-20, 20]
     * (SPA appendix A.1).
     */
    public double equationOfTimeMinutes() {
        double degrees = sunMeanLongitude - 0.0057183 - rightAscension + equationOfEquinoxes();
        double minutes = 4.0 * degrees;
        minutes -= 1440.0 * Math.rint(minutes / 1440.0);
        return minutes;
    }
}
