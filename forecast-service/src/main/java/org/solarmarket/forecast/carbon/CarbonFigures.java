package org.solarmarket.forecast.carbon;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * CO2 avoided by PV energy that displaces grid power.
 *
 * @param energyKwh     energy [kWh]
 * @param co2AvoidedKg  CO2 avoided [kg]
 * @param co2AvoidedTonnes CO2 avoided [t]
 * @param treeYears     trees absorbing the same CO2 in one year
 */
public record CarbonFigures(BigDecimal energyKwh, BigDecimal co2AvoidedKg, BigDecimal co2AvoidedTonnes,
        BigDecimal treeYears) {

    /** Grid displacement factor [kg CO2 per kWh]. */
    public static final BigDecimal KG_CO2_PER_KWH = new BigDecimal("0.417");
    /** CO2 one tree absorbs in a year [kg]. */
    public static final BigDecimal KG_CO2_PER_TREE_YEAR = new BigDecimal("21");

    public static CarbonFigures of(BigDecimal energyKwh) {
        BigDecimal kg = energyKwh.multiply(KG_CO2_PER_KWH).setScale(3, RoundingMode.HALF_UP);
        return new CarbonFigures(energyKwh, kg, kg.divide(new BigDecimal("1000"), 6, RoundingMode.HALF_UP),
                kg.divide(KG_CO2_PER_TREE_YEAR, 3, RoundingMode.HALF_UP));
    }
}
