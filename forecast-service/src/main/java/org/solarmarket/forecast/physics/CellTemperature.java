package org.solarmarket.forecast.physics;

/**
 * PV cell temperature from plane-of-array irradiance, air temperature and wind speed.
 *
 * <p>References: D. L. King, W. E. Boyson and J. A. Kratochvil, "Photovoltaic Array Performance
 * Model", SAND2004-3535, 2004 (SAPM); D. Faiman, "Assessing the outdoor operating temperature of
 * photovoltaic modules", Progress in Photovoltaics 16(4), 307-315, 2008.
 */
public final class CellTemperature {

    /** Faiman default heat loss coefficients: u0 [W/(m² K)] and u1 [W/(m² K) per m/s]. */
    public static final double FAIMAN_U0 = 25.0;
    public static final double FAIMAN_U1 = 6.84;

    private CellTemperature() {
    }

    /**
     * SAPM mounting parameters: {@code a} [unitless], {@code b} [s/m] and the cell-module difference
     * {@code deltaT} [°C] at 1000 W/m².
     */
    public enum SapmMounting {
        OPEN_RACK_GLASS_GLASS(-3.47, -0.0594, 3.0),
        CLOSE_MOUNT_GLASS_GLASS(-2.98, -0.0471, 1.0),
        OPEN_RACK_GLASS_POLYMER(-3.56, -0.0750, 3.0),
        INSULATED_BACK_GLASS_POLYMER(-2.81, -0.0455, 0.0);

        final double a;
        final double b;
        final double deltaT;

        SapmMounting(double a, double b, double deltaT) {
            this.a = a;
            this.b = b;
            this.deltaT = deltaT;
        }
    }

    /**
     * Returns the SAPM back-of-module temperature, G exp(a + b WS) + T_air [°C].
     *
     * @param poaGlobal       plane-of-array irradiance [W/m²]; negative values count as 0
     * @param airTemperatureC ambient air temperature [°C]
     * @param windSpeed       wind speed at 10 m [m/s]; negative values count as 0
     */
    public static double sapmModule(double poaGlobal, double airTemperatureC, double windSpeed,
            SapmMounting mounting) {
        double irradiance = Math.max(poaGlobal, 0.0);
        return irradiance * Math.exp(mounting.a + mounting.b * Math.max(windSpeed, 0.0)) + airTemperatureC;
    }

    /** Returns the SAPM cell temperature, module temperature + G / 1000 deltaT [°C]. */
    public static double sapmCell(double poaGlobal, double airTemperatureC, double windSpeed,
            SapmMounting mounting) {
        return sapmModule(poaGlobal, airTemperatureC, windSpeed, mounting)
                + Math.max(poaGlobal, 0.0) / 1000.0 * mounting.deltaT;
    }

    /**
     * Returns the Faiman module temperature, T_air + G / (u0 + u1 WS) [°C].
     *
     * @param u0 constant heat loss coefficient [W/(m² K)], positive
     * @param u1 wind-dependent heat loss coefficient [W/(m² K) per m/s], non-negative
     */
    public static double faiman(double poaGlobal, double airTemperatureC, double windSpeed, double u0, double u1) {
        return airTemperatureC + Math.max(poaGlobal, 0.0) / (u0 + u1 * Math.max(windSpeed, 0.0));
    }

    /** Returns the Faiman module temperature with the default coefficients [°C]. */
    public static double faiman(double poaGlobal, double airTemperatureC, double windSpeed) {
        return faiman(poaGlobal, airTemperatureC, windSpeed, FAIMAN_U0, FAIMAN_U1);
    }
}
