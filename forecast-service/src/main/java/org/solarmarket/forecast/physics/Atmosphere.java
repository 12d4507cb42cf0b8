package org.solarmarket.forecast.physics;

/**
 * Air mass and standard-atmosphere pressure.
 *
 * <p>References: F. Kasten and A. T. Young, "Revised optical air mass tables and approximation
 * formula", Applied Optics 28(22), 4735-4738, 1989; F. Kasten, "A new table and approximation formula
 * for the relative optical air mass", 1966.
 */
public final class Atmosphere {

    /** Standard sea-level pressure [Pa]. */
    public static final double SEA_LEVEL_PRESSURE_PA = 101325.0;

    private Atmosphere() {
    }

    /**
     * Returns the relative (sea-level) optical air mass of Kasten and Young (1989) [unitless].
     *
     * @param apparentZenith apparent solar zenith [°]
     * @return the air mass, or NaN when the zenith is above 90° or not a number (the Sun is down)
     */
    public static double relativeAirMassKastenYoung1989(double apparentZenith) {
        if (!(apparentZenith <= 90.0) || apparentZenith < 0.0) {
            return Double.NaN;
        }
        double cosZenith = Math.cos(Math.toRadians(apparentZenith));
        return 1.0 / (cosZenith + 0.50572 * Math.pow(6.07995 + (90.0 - apparentZenith), -1.6364));
    }

    /**
     * Returns the relative air mass of Kasten (1966) [unitless], as used by the DISC model.
     *
     * @param zenith solar zenith [°]
     * @return the air mass, or NaN above 90°
     */
    public static double relativeAirMassKasten1966(double zenith) {
        if (!(zenith <= 90.0) || zenith < 0.0) {
            return Double.NaN;
        }
        double cosZenith = Math.cos(Math.toRadians(zenith));
        return 1.0 / (cosZenith + 0.15 * Math.pow(93.885 - zenith, -1.253));
    }

    /**
     * Returns the pressure-corrected (absolute) air mass: relative * pressure / 101325 [unitless].
     *
     * @param relativeAirMass relative air mass [unitless]; NaN gives NaN
     * @param pressurePa      site pressure [Pa]
     */
    public static double absoluteAirMass(double relativeAirMass, double pressurePa) {
        return relativeAirMass * pressurePa / SEA_LEVEL_PRESSURE_PA;
    }

    /**
     * Returns the standard-atmosphere pressure [Pa] at an altitude [m] (the formula of pvlib's
     * {@code alt2pres}).
     */
    public static double pressureFromAltitude(double altitudeMeters) {
        return 100.0 * Math.pow((44331.514 - altitudeMeters) / 11880.516, 1.0 / 0.1902632);
    }

    /** Returns the standard-atmosphere altitude [m] of a pressure [Pa], the inverse of the above. */
    public static double altitudeFromPressure(double pressurePa) {
        return 44331.5 - 4946.62 * Math.pow(pressurePa, 0.190263);
    }
}
