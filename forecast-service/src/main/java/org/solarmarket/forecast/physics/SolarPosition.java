package org.solarmarket.forecast.physics;

/**
 * The Sun as seen by an observer at one instant (NREL SPA, topocentric).
 *
 * @param zenith            topocentric zenith angle without refraction [°]
 * @param apparentZenith    topocentric zenith angle corrected for refraction [°]
 * @param azimuth           topocentric azimuth, clockwise from north [°], in [0, 360)
 * @param elevation         topocentric elevation angle without refraction [°], 90 - zenith
 * @param apparentElevation elevation corrected for refraction [°], 90 - apparentZenith
 * @param equationOfTime    apparent minus mean solar time [min]
 * @param declination       topocentric declination [°]
 * @param hourAngle         topocentric local hour angle [°], in [-180, 180), negative before noon
 * @param earthSunDistance  Earth radius vector [AU]
 */
public record SolarPosition(
        double zenith,
        double apparentZenith,
        double azimuth,
        double elevation,
        double apparentElevation,
        double equationOfTime,
        double declination,
        double hourAngle,
        double earthSunDistance) {
}
