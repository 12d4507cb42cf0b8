package org.solarmarket.replay.community;

/**
 * One household of the community.
 *
 * @param userId          wallet id on the platform
 * @param pvCapacityKw    rooftop PV AC capacity [kW]; 0 for a consumer without PV
 * @param annualLoadKwh   yearly electricity use [kWh]
 * @param profileDayShift  days (-14 to 14) by which this household's load profile is shifted, so that
 *                        neighbours do not switch on the same appliances at the same minute
 * @param eagerness       how keen the household is to trade, in [0, 1]; see {@link PricingStrategy}
 */
public record Member(String userId, double pvCapacityKw, double annualLoadKwh, int profileDayShift,
                     double eagerness) {

    public boolean isProsumer() {
        return pvCapacityKw > 0;
    }
}
