package org.solarmarket.forecast.physics;

/**
 * The three horizontal components of solar irradiance.
 *
 * @param ghi global horizontal irradiance [W/m²]
 * @param dni direct normal irradiance [W/m²]
 * @param dhi diffuse horizontal irradiance [W/m²]
 */
public record Irradiance(double ghi, double dni, double dhi) {

    /** Night: every component 0. */
    public static final Irradiance NONE = new Irradiance(0.0, 0.0, 0.0);
}
