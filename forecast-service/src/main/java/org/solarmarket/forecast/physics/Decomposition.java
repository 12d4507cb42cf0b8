package org.solarmarket.forecast.physics;

/**
 * Decomposition of global horizontal irradiance into its direct normal and diffuse horizontal parts,
 * for data sets that measure GHI only: Erbs et al. (1982) and DISC (Maxwell 1987).
 *
 * <p>Both use the clearness index kt = GHI / (E0 * max(cos z, 0.065)), limited to [0, 1], with E0 from
 * Spencer's formula (solar constant 1366.1 W/m² for Erbs, and 1370 W/m² for DISC as in Maxwell's code). Beyond a zenith of 87°, for negative GHI or a negative beam, DNI is 0 and (for
 * Erbs) DHI is GHI, so that GHI = DHI + DNI cos z still holds. Results are never NaN or negative.
 *
 * <p>References: D. G. Erbs, S. A. Klein and J. A. Duffie, "Estimation of the diffuse radiation
 * fraction for hourly, daily and monthly-average global radiation", Solar Energy 28(4), 293-302, 1982;
 * E. L. Maxwell, "A quasi-physical model for converting hourly global horizontal to direct normal
 * insolation", SERI/TR-215-3087, 1987.
 */
public final class Decomposition {

    /** Lower bound on cos(zenith) in the clearness index (cos 86.3°). */
    public static final double MIN_COS_ZENITH = 0.065;
    /** Zenith [°] beyond which DNI is set to 0. */
    public static final double MAX_ZENITH = 87.0;
    /** Solar constant of the DISC reference implementation [W/m²]. */
    public static final double DISC_SOLAR_CONSTANT = 1370.0;
    /** Zenith [°] from which closure DNI must be 0. */
    public static final double CLOSURE_ZERO_DNI_ZENITH = 88.0;
    /** Zenith [°] from which closure DNI is capped by the clear sky. */
    public static final double CLOSURE_CLEAR_SKY_LIMIT_ZENITH = 80.0;
    /** Air mass cap of DISC. */
    public static final double DISC_MAX_AIR_MASS = 12.0;

    private Decomposition() {
    }

    /** Returns the clearness index kt in [0, 1]; 0 for NaN or non-positive GHI. */
    public static double clearnessIndex(double ghi, double zenith, double dniExtra) {
        if (!(ghi > 0.0) || !(dniExtra > 0.0) || Double.isNaN(zenith)) {
            return 0.0;
        }
        double cosZenith = Math.max(Math.cos(Math.toRadians(zenith)), MIN_COS_ZENITH);
        return Math.min(ghi / (dniExtra * cosZenith), 1.0);
    }

    /**
     * Splits GHI with the Erbs diffuse-fraction correlation.
     *
     * @param ghi       global horizontal irradiance [W/m²]
     * @param zenith    true solar zenith [°]
     * @param dayOfYear day of year, 1 to 366 (UTC date), for the extraterrestrial irradiance
     * @return {dni, dhi} [W/m²]
     */
    public static double[] erbs(double ghi, double zenith, int dayOfYear) {
        if (!(ghi > 0.0) || Double.isNaN(zenith)) {
            return new double[] {0.0, 0.0};
        }
        double kt = clearnessIndex(ghi, zenith, ExtraterrestrialIrradiance.spencer(dayOfYear));
        double diffuseFraction;
        if (kt <= 0.22) {
            diffuseFraction = 1.0 - 0.09 * kt;
        } else if (kt <= 0.8) {
            diffuseFraction = 0.9511 + kt * (-0.1604 + kt * (4.388 + kt * (-16.638 + kt * 12.336)));
        } else {
            diffuseFraction = 0.165;
        }
        double dhi = diffuseFraction * ghi;
        double cosZenith = Math.cos(Math.toRadians(zenith));
        double dni = (ghi - dhi) / cosZenith;
        if (zenith > MAX_ZENITH || !(dni >= 0.0) || !Double.isFinite(dni)) {
            return new double[] {0.0, ghi};
        }
        return new double[] {dni, dhi};
    }

    /**
     * Applies {@link #erbs(double, double, int)} to a series.
     *
     * @return {dni[], dhi[]} [W/m²]
     */
    public static double[][] erbs(double[] ghi, double[] zenith, int[] dayOfYear) {
        requireSameLength(ghi.length, zenith.length, dayOfYear.length);
        double[] dni = new double[ghi.length];
        double[] dhi = new double[ghi.length];
        for (int i = 0; i < ghi.length; i++) {
            double[] split = erbs(ghi[i], zenith[i], dayOfYear[i]);
            dni[i] = split[0];
            dhi[i] = split[1];
        }
        return new double[][] {dni, dhi};
    }

    /**
     * Estimates DNI with the DISC model. DHI follows by closure as GHI - DNI cos z.
     *
     * @param ghi        global horizontal irradiance [W/m²]
     * @param zenith     true solar zenith [°]
     * @param dayOfYear  day of year, 1 to 366 (UTC date)
     * @param pressurePa site pressure [Pa] for the absolute air mass; NaN uses the relative air mass
     * @return the DNI [W/m²], the clearness index and the air mass used
     */
    public static DiscResult disc(double ghi, double zenith, int dayOfYear, double pressurePa) {
        double dniExtra = ExtraterrestrialIrradiance.spencer(dayOfYear, DISC_SOLAR_CONSTANT);
        double kt = clearnessIndex(ghi, zenith, dniExtra);
        double airMass = Atmosphere.relativeAirMassKasten1966(zenith);
        if (!Double.isNaN(pressurePa)) {
            airMass = Atmosphere.absoluteAirMass(airMass, pressurePa);
        }
        if (Double.isNaN(airMass)) {
            return new DiscResult(0.0, kt, Double.NaN);
        }
        airMass = Math.min(airMass, DISC_MAX_AIR_MASS);

        double a;
        double b;
        double c;
        if (kt <= 0.6) {
            a = 0.512 + kt * (-1.56 + kt * (2.286 - 2.222 * kt));
            b = 0.37 + 0.962 * kt;
            c = -0.28 + kt * (0.932 - 2.048 * kt);
        } else {
            a = -5.743 + kt * (21.77 + kt * (-27.49 + 11.56 * kt));
            b = 41.4 + kt * (-118.5 + kt * (66.05 + 31.9 * kt));
            c = -47.01 + kt * (184.2 + kt * (-222.0 + 73.81 * kt));
        }
        double deltaKn = a + b * Math.exp(c * airMass);
        double knClear = 0.866 + airMass * (-0.122 + airMass * (0.0121 + airMass * (-0.000653 + airMass * 1.4e-05)));
        double dni = (knClear - deltaKn) * dniExtra;
        if (zenith > MAX_ZENITH || !(ghi >= 0.0) || !(dni >= 0.0)) {
            dni = 0.0;
        }
        return new DiscResult(dni, kt, airMass);
    }

    /**
     * Returns DHI from GHI and DNI by closure, GHI - DNI cos z, limited to [0, GHI] [W/m²].
     */
    public static double diffuseByClosure(double ghi, double dni, double zenith) {
        if (!(ghi > 0.0)) {
            return 0.0;
        }
        double cosZenith = Math.max(Math.cos(Math.toRadians(zenith)), 0.0);
        return Math.min(Math.max(ghi - dni * cosZenith, 0.0), ghi);
    }

    /**
     * Returns DNI from measured GHI and DHI by closure, (GHI - DHI) / cos z, as a quality check of a
     * three-component data set. Unlike the models above this returns NaN for an invalid measurement,
     * so that callers can drop it: a negative result, or a non-zero result with the zenith at or above
     * {@value #CLOSURE_ZERO_DNI_ZENITH}°. Between {@value #CLOSURE_CLEAR_SKY_LIMIT_ZENITH}° and that zenith
     * the result is capped at {@code clearSkyTolerance * dniClear} when dniClear is not NaN.
     *
     * @param dniClear          clear-sky DNI [W/m²] or NaN
     * @param clearSkyTolerance factor on dniClear, e.g. 2
     */
    public static double dniFromGhiDhi(double ghi, double dhi, double zenith, double dniClear,
            double clearSkyTolerance) {
        double dni = (ghi - dhi) / Math.cos(Math.toRadians(zenith));
        if (dni < 0.0 || (zenith >= CLOSURE_ZERO_DNI_ZENITH && dni != 0.0)) {
            return Double.NaN;
        }
        if (!Double.isNaN(dniClear) && zenith >= CLOSURE_CLEAR_SKY_LIMIT_ZENITH) {
            dni = Math.min(dni, dniClear * clearSkyTolerance);
        }
        return dni;
    }

    private static void requireSameLength(int... lengths) {
        for (int length : lengths) {
            if (length != lengths[0]) {
                throw new IllegalArgumentException("series lengths differ: " + java.util.Arrays.toString(lengths));
            }
        }
    }

    /**
     * Output of the DISC model.
     *
     * @param dni             direct normal irradiance [W/m²]
     * @param clearnessIndex  kt [unitless]
     * @param airMass         air mass used, capped at 12 [unitless]; NaN with the Sun down
     */
    public record DiscResult(double dni, double clearnessIndex, double airMass) {
    }
}
