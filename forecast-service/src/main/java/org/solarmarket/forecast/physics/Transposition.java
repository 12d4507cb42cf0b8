package org.solarmarket.forecast.physics;

/**
 * Angle of incidence and transposition of horizontal irradiance to the plane of array: the
 * isotropic sky, Hay and Davies (1980) and Perez et al. (1990) sky-diffuse models, and the
 * ground-reflected part.
 *
 * <p>Angles are in degrees, azimuths clockwise from north (180 faces south), irradiance in W/m².
 * Every result is finite and non-negative when the inputs are: the beam projection is clipped at
 * zero when the Sun is behind the array, and night inputs give 0.
 *
 * <p>References: J. E. Hay and J. A. Davies, "Calculations of the solar radiation incident on an
 * inclined surface", 1980; R. Perez, P. Ineichen, R. Seals, J. Michalsky and R. Stewart, "Modeling
 * daylight availability and irradiance components from direct and global irradiance", Solar Energy
 * 44(5), 271-289, 1990 (all-sites composite coefficients).
 */
public final class Transposition {

    /** Perez 1990 all-sites composite coefficients {f11, f12, f13, f21, f22, f23} per clearness bin. */
    private static final double[][] PEREZ_1990 = {
        {-0.0080, 0.5880, -0.0620, -0.0600, 0.0720, -0.0220},
        {0.1300, 0.6830, -0.1510, -0.0190, 0.0660, -0.0290},
        {0.3300, 0.4870, -0.2210, 0.0550, -0.0640, -0.0260},
        {0.5680, 0.1870, -0.2950, 0.1090, -0.1520, -0.0140},
        {0.8730, -0.3920, -0.3620, 0.2260, -0.4620, 0.0010},
        {1.1320, -1.2370, -0.4120, 0.2880, -0.8230, 0.0560},
        {1.0600, -1.6000, -0.3590, 0.2640, -1.1270, 0.1310},
        {0.6780, -0.3270, -0.2500, 0.1560, -1.3770, 0.2510},
    };
    /** Upper bounds of the first seven sky clearness (epsilon) bins; the eighth is open. */
    private static final double[] PEREZ_CLEARNESS_BINS = {1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2};
    private static final double PEREZ_KAPPA = 1.041;
    private static final double COS_85 = Math.cos(Math.toRadians(85.0));
    /** Lower bound on cos(zenith) in the Hay-Davies beam ratio (cos 89°). */
    private static final double HAY_DAVIES_MIN_COS_ZENITH = 0.01745;

    private Transposition() {
    }

    /**
     * Returns cos(AOI), the projection of the Sun's direction on the surface normal, in [-1, 1].
     * Negative values mean the Sun is behind the plane.
     */
    public static double aoiProjection(double surfaceTilt, double surfaceAzimuth, double solarZenith,
            double solarAzimuth) {
        double tiltRad = Math.toRadians(surfaceTilt);
        double zenithRad = Math.toRadians(solarZenith);
        double projection = Math.cos(zenithRad) * Math.cos(tiltRad) + Math.sin(tiltRad) * Math.sin(zenithRad)
                * Math.cos(Math.toRadians(solarAzimuth - surfaceAzimuth));
        return Math.max(-1.0, Math.min(1.0, projection));
    }

    /** Returns the angle of incidence [°] between the Sun's direction and the surface normal, in [0, 180]. */
    public static double angleOfIncidence(double surfaceTilt, double surfaceAzimuth, double solarZenith,
            double solarAzimuth) {
        return Math.toDegrees(Math.acos(aoiProjection(surfaceTilt, surfaceAzimuth, solarZenith, solarAzimuth)));
    }

    /** Returns the beam irradiance on the plane, DNI * max(cos AOI, 0) [W/m²]. */
    public static double beam(double dni, double aoiProjection) {
        return Math.max(dni * Math.max(aoiProjection, 0.0), 0.0);
    }

    /** Returns the isotropic sky diffuse on the plane, DHI * (1 + cos tilt) / 2 [W/m²]. */
    public static double isotropic(double surfaceTilt, double dhi) {
        return Math.max(dhi * (1.0 + Math.cos(Math.toRadians(surfaceTilt))) * 0.5, 0.0);
    }

    /** Returns the ground-reflected irradiance on the plane, GHI * albedo * (1 - cos tilt) / 2 [W/m²]. */
    public static double groundDiffuse(double surfaceTilt, double ghi, double albedo) {
        return Math.max(ghi * albedo * (1.0 - Math.cos(Math.toRadians(surfaceTilt))) * 0.5, 0.0);
    }

    /**
     * Computes the Hay-Davies sky diffuse: an isotropic part scaled by (1 - anisotropy index) plus a
     * circumsolar part that follows the beam geometry.
     *
     * @param dniExtra extraterrestrial normal irradiance [W/m²]
     * @return the total and its isotropic, circumsolar and (always 0) horizon-brightening parts
     */
    public static SkyDiffuse hayDavies(double surfaceTilt, double surfaceAzimuth, double solarZenith,
            double solarAzimuth, double dni, double dhi, double dniExtra) {
        if (!(dhi > 0.0) || !(dniExtra > 0.0)) {
            return SkyDiffuse.NONE;
        }
        double cosAoi = Math.max(aoiProjection(surfaceTilt, surfaceAzimuth, solarZenith, solarAzimuth), 0.0);
        double beamRatio = cosAoi / Math.max(Math.cos(Math.toRadians(solarZenith)), HAY_DAVIES_MIN_COS_ZENITH);
        double anisotropyIndex = Math.max(dni, 0.0) / dniExtra;
        double isotropicPart = Math.max(
                dhi * (1.0 - anisotropyIndex) * 0.5 * (1.0 + Math.cos(Math.toRadians(surfaceTilt))), 0.0);
        double circumsolarPart = Math.max(dhi * anisotropyIndex * beamRatio, 0.0);
        return new SkyDiffuse(isotropicPart + circumsolarPart, isotropicPart, circumsolarPart, 0.0);
    }

    /**
     * Computes the Perez 1990 sky diffuse with the all-sites composite coefficients.
     *
     * @param dniExtra        extraterrestrial normal irradiance [W/m²]
     * @param relativeAirMass relative air mass [unitless]; NaN (Sun down) gives 0
     * @return the total, clipped at 0, and its isotropic, circumsolar and horizon parts. The parts are
     *         0 whenever the total is 0. The circumsolar part is never negative.
     */
    public static SkyDiffuse perez(double surfaceTilt, double surfaceAzimuth, double solarZenith,
            double solarAzimuth, double dni, double dhi, double dniExtra, double relativeAirMass) {
        if (!(dhi > 0.0) || !(dniExtra > 0.0) || Double.isNaN(relativeAirMass) || !(dni >= 0.0)) {
            return SkyDiffuse.NONE;
        }
        double zenithRad = Math.toRadians(solarZenith);
        double zenithCubed = kappaZenithCubed(zenithRad);
        // Sky brightness delta and sky clearness epsilon.
        double brightness = dhi * relativeAirMass / dniExtra;
        double clearness = ((dhi + dni) / dhi + zenithCubed) / (1.0 + zenithCubed);
        double[] coefficients = PEREZ_1990[clearnessBin(clearness)];

        double f1 = Math.max(coefficients[0] + coefficients[1] * brightness + coefficients[2] * zenithRad, 0.0);
        double f2 = coefficients[3] + coefficients[4] * brightness + coefficients[5] * zenithRad;
        double a = Math.max(aoiProjection(surfaceTilt, surfaceAzimuth, solarZenith, solarAzimuth), 0.0);
        double b = Math.max(Math.cos(zenithRad), COS_85);
        double tiltRad = Math.toRadians(surfaceTilt);

        double isotropicPart = dhi * 0.5 * (1.0 - f1) * (1.0 + Math.cos(tiltRad));
        double circumsolarPart = dhi * f1 * a / b;
        double horizonPart = dhi * f2 * Math.sin(tiltRad);
        double total = isotropicPart + circumsolarPart + horizonPart;
        if (!(total > 0.0)) {
            return SkyDiffuse.NONE;
        }
        return new SkyDiffuse(total, isotropicPart, circumsolarPart, horizonPart);
    }

    private static double kappaZenithCubed(double zenithRad) {
        return PEREZ_KAPPA * zenithRad * zenithRad * zenithRad;
    }

    private static int clearnessBin(double clearness) {
        for (int i = 0; i < PEREZ_CLEARNESS_BINS.length; i++) {
            if (clearness < PEREZ_CLEARNESS_BINS[i]) {
                return i;
            }
        }
        return PEREZ_CLEARNESS_BINS.length;
    }

    /**
     * Sky diffuse irradiance on a plane and its parts [W/m²].
     *
     * @param total       sum of the parts, never negative
     * @param isotropic   uniform sky dome part
     * @param circumsolar part from the sky around the Sun, never negative
     * @param horizon     horizon brightening; may be negative in the Perez model
     */
    public record SkyDiffuse(double total, double isotropic, double circumsolar, double horizon) {
        static final SkyDiffuse NONE = new SkyDiffuse(0.0, 0.0, 0.0, 0.0);
    }
}
