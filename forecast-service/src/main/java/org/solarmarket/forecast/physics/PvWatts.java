package org.solarmarket.forecast.physics;

/**
 * The PVWatts version 5 DC and inverter models (A. P. Dobos, "PVWatts Version 5 Manual",
 * NREL/TP-6A20-62641, 2014), with the optional low-irradiance correction of B. Marion, "Comparison of
 * predictive models for photovoltaic module performance", 2008.
 */
public final class PvWatts {

    /** Reference cell temperature [°C]. */
    public static final double TEMP_REF_C = 25.0;
    /** Nominal inverter efficiency [unitless]. */
    public static final double ETA_INV_NOM = 0.96;
    /** Reference inverter efficiency of the curve [unitless]. */
    public static final double ETA_INV_REF = 0.9637;

    private PvWatts() {
    }

    /**
     * Returns DC power, G / 1000 * pdc0 * (1 + gamma (T_cell - 25)), never negative.
     *
     * @param effectiveIrradiance irradiance reaching the cells [W/m²]
     * @param cellTemperatureC    cell temperature [°C]
     * @param pdc0                DC power at 1000 W/m² and 25 °C [any power unit; the result has it]
     * @param gammaPdc            temperature coefficient of power [1/°C], e.g. -0.0037
     */
    public static double dc(double effectiveIrradiance, double cellTemperatureC, double pdc0, double gammaPdc) {
        double power = effectiveIrradiance * 0.001 * pdc0 * (1.0 + gammaPdc * (cellTemperatureC - TEMP_REF_C));
        return power > 0.0 ? power : 0.0;
    }

    /**
     * Returns DC power with the Marion low-irradiance correction: the loss k pdc0 (1 - (1 - G/200)^4)
     * below 200 W/m² and k pdc0 (1000 - G) / 800 above, where k is the relative loss at 200 W/m².
     *
     * @param capAdjustment when true, the correction is not applied above 1000 W/m²
     */
    public static double dc(double effectiveIrradiance, double cellTemperatureC, double pdc0, double gammaPdc,
            double k, boolean capAdjustment) {
        double power = effectiveIrradiance * 0.001 * pdc0 * (1.0 + gammaPdc * (cellTemperatureC - TEMP_REF_C));
        double loss;
        if (effectiveIrradiance <= 200.0) {
            double remaining = 1.0 - effectiveIrradiance / 200.0;
            loss = k * pdc0 * (1.0 - remaining * remaining * remaining * remaining);
        } else if (capAdjustment && effectiveIrradiance > 1000.0) {
            loss = 0.0;
        } else {
            loss = k * pdc0 * (1000.0 - effectiveIrradiance) / 800.0;
        }
        power -= loss;
        return power > 0.0 ? power : 0.0;
    }

    /**
     * Returns inverter AC output with the PVWatts efficiency curve
     * eta = eta_nom / eta_ref (-0.0162 z - 0.0059 / z + 0.9858), z = pdc / pdc0, clipped to
     * [0, eta_nom * pdc0].
     *
     * @param pdc        DC input power
     * @param pdc0       DC input limit of the inverter, in the unit of pdc
     * @param etaInvNom  nominal efficiency [unitless]
     */
    public static double inverter(double pdc, double pdc0, double etaInvNom) {
        if (!(pdc > 0.0)) {
            return 0.0;
        }
        double pac0 = etaInvNom * pdc0;
        double zeta = pdc / pdc0;
        double efficiency = etaInvNom / ETA_INV_REF * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
        double pac = efficiency * pdc;
        return Math.max(0.0, Math.min(pac0, pac));
    }

    /** Returns inverter AC output with the default nominal efficiency {@value #ETA_INV_NOM}. */
    public static double inverter(double pdc, double pdc0) {
        return inverter(pdc, pdc0, ETA_INV_NOM);
    }
}
