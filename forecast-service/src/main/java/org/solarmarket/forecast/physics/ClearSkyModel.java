package org.solarmarket.forecast.physics;

/**
 * Clear-sky irradiance: the Ineichen and Perez (2002) model with Linke turbidity and altitude, and the
 * Haurwitz (1945) model from the zenith angle only.
 *
 * <p>Both return 0 for every component when the Sun is at or below the horizon (apparent zenith
 * 90° or more) or an input is not a number, so that no NaN and no negative value leaves this class.
 *
 * <p>NOTE: outside its fitted range (Linke turbidity near 1 above about 5000 m) the Ineichen-Perez
 * GHI exceeds the extraterrestrial irradiance on a horizontal plane by up to 28 %, as pvlib's does;
 * the value is not capped so that results stay comparable with pvlib.
 *
 * <p>References: P. Ineichen and R. Perez, "A new airmass independent formulation for the Linke
 * turbidity coefficient", Solar Energy 73(3), 151-157, 2002; B. Haurwitz, "Insolation in relation to
 * cloudiness and cloud density", Journal of Meteorology 2, 154-166, 1945.
 */
public final class ClearSkyModel {

    private ClearSkyModel() {
    }

    /**
     * Computes Ineichen-Perez clear-sky irradiance.
     *
     * @param apparentZenith  apparent solar zenith [°]
     * @param absoluteAirMass pressure-corrected air mass [unitless]
     * @param linkeTurbidity  Linke turbidity at air mass 2 [unitless], typically 2 to 7
     * @param altitudeMeters  site altitude [m]
     * @param dniExtra        extraterrestrial normal irradiance [W/m²]
     * @return GHI, DNI and DHI [W/m²]
     */
    public static Irradiance ineichen(double apparentZenith, double absoluteAirMass, double linkeTurbidity,
            double altitudeMeters, double dniExtra) {
        return ineichen(apparentZenith, absoluteAirMass, linkeTurbidity, altitudeMeters, dniExtra, false);
    }

    /**
     * Computes Ineichen-Perez clear-sky irradiance, optionally with the Perez enhancement factor
     * exp(0.01 AM^1.8) on GHI, which pvlib offers to match the original publication.
     */
    public static Irradiance ineichen(double apparentZenith, double absoluteAirMass, double linkeTurbidity,
            double altitudeMeters, double dniExtra, boolean perezEnhancement) {
        double cosZenith = Math.cos(Math.toRadians(apparentZenith));
        if (!(apparentZenith < 90.0) || !(cosZenith > 0.0) || !Double.isFinite(absoluteAirMass)
                || !Double.isFinite(linkeTurbidity) || !Double.isFinite(altitudeMeters) || !(dniExtra > 0.0)) {
            return Irradiance.NONE;
        }
        double fh1 = Math.exp(-altitudeMeters / 8000.0);
        double fh2 = Math.exp(-altitudeMeters / 1250.0);
        double cg1 = 5.09e-05 * altitudeMeters + 0.868;
        double cg2 = 3.92e-05 * altitudeMeters + 0.0387;

        double ghi = cg1 * dniExtra * cosZenith
                * Math.max(Math.exp(-cg2 * absoluteAirMass * (fh1 + fh2 * (linkeTurbidity - 1.0))), 0.0);
        if (perezEnhancement) {
            ghi *= Math.exp(0.01 * Math.pow(absoluteAirMass, 1.8));
        }

        // Beam: the turbidity-based estimate, limited by the empirical correction of the global model.
        double b = 0.664 + 0.163 / fh1;
        double bnci = dniExtra * Math.max(b * Math.exp(-0.09 * absoluteAirMass * (linkeTurbidity - 1.0)), 0.0);
        double correction = (1.0 - (0.1 - 0.2 * Math.exp(-linkeTurbidity)) / (0.1 + 0.882 / fh1)) / cosZenith;
        double bnciLimit = ghi * Math.min(Math.max(correction, 0.0), 1e20);
        double dni = Math.min(bnci, bnciLimit);
        double dhi = Math.max(ghi - dni * cosZenith, 0.0);
        return new Irradiance(Math.max(ghi, 0.0), Math.max(dni, 0.0), dhi);
    }

    /**
     * Returns Haurwitz clear-sky GHI, 1098 cos z exp(-0.059 / cos z) [W/m²]. The exponential is only
     * evaluated for cos z > 0, so there is no overflow just after sunset.
     *
     * @param apparentZenith apparent solar zenith [°]
     */
    public static double haurwitz(double apparentZenith) {
        double cosZenith = Math.cos(Math.toRadians(apparentZenith));
        if (!(apparentZenith < 90.0) || !(cosZenith > 0.0)) {
            return 0.0;
        }
        return 1098.0 * cosZenith * Math.exp(-0.059 / cosZenith);
    }
}
