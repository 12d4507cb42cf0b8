package org.solarmarket.forecast.plant;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import org.solarmarket.forecast.physics.InvalidInputException;

/**
 * A PV plant as the physics chain needs it. Every value is checked on construction, and a bad one is
 * rejected with an {@link InvalidInputException} naming the field (in snake_case, as in JSON) and
 * the value.
 *
 * @param latitude                   geodetic latitude [°], north positive, in [-90, 90]
 * @param longitude                  longitude [°], east positive, in [-180, 180]
 * @param altitudeMeters             height above sea level [m], in [-500, 9000]
 * @param zoneId                     the plant's time zone, used for local calendar days and months
 * @param dcCapacityKw               DC nameplate power at 1000 W/m² and 25 °C [kW], positive
 * @param acCapacityKw               inverter AC limit [kW], positive; output is clipped here
 * @param surfaceTiltDegrees         tilt from horizontal [°], in [0, 90]
 * @param surfaceAzimuthDegrees      direction the surface faces, clockwise from north [°], in [0, 360);
 *                                   180 faces south
 * @param temperatureCoefficientPerC relative change of DC power per °C of cell temperature [1/°C], in
 *                                   [-0.02, 0], e.g. -0.0037
 * @param systemLossesFraction       DC losses from soiling, wiring, mismatch and the like [unitless], in
 *                                   [0, 1), e.g. 0.14
 * @param albedo                     ground reflectance [unitless], in [0, 1]
 * @param linkeTurbidityByMonth      Linke turbidity for January to December [unitless], 12 values in
 *                                   [1, 10]; copied on the way in and out
 */
public record PlantConfig(
        double latitude,
        double longitude,
        double altitudeMeters,
        ZoneId zoneId,
        double dcCapacityKw,
        double acCapacityKw,
        double surfaceTiltDegrees,
        double surfaceAzimuthDegrees,
        double temperatureCoefficientPerC,
        double systemLossesFraction,
        double albedo,
        double[] linkeTurbidityByMonth) {

    /**
     * Linke turbidity used for every month when none is given [unitless]. It is a typical clear-sky
     * value for rural mid-latitude sites. No climatology is bundled, so a plant should calibrate its
     * own values from measured clear periods ({@code LinkeTurbidityCalibration}).
     */
    public static final double DEFAULT_LINKE_TURBIDITY = 3.0;
    /** PVWatts' default temperature coefficient of a standard crystalline module [1/°C]. */
    public static final double DEFAULT_TEMPERATURE_COEFFICIENT = -0.0037;
    /** PVWatts' default total system losses [unitless]. */
    public static final double DEFAULT_SYSTEM_LOSSES = 0.14;
    /** Ground reflectance of grass [unitless]. */
    public static final double DEFAULT_ALBEDO = 0.2;
    /** Default DC to AC ratio; the AC capacity is DC / this when not given. */
    public static final double DEFAULT_DC_AC_RATIO = 1.2;
    /** Default tilt [°]. */
    public static final double DEFAULT_TILT = 20.0;
    /** Upper limit on capacities [kW]; larger values are taken for unit mistakes. */
    public static final double MAX_CAPACITY_KW = 1.0e7;

    public PlantConfig {
        InvalidInputException.requireInRange("latitude", latitude, -90.0, 90.0);
        InvalidInputException.requireInRange("longitude", longitude, -180.0, 180.0);
        InvalidInputException.requireInRange("altitude_meters", altitudeMeters, -500.0, 9000.0);
        if (zoneId == null) {
            throw new InvalidInputException("zone_id", null, "a time zone is required");
        }
        requirePositive("dc_capacity_kw", dcCapacityKw);
        requirePositive("ac_capacity_kw", acCapacityKw);
        InvalidInputException.requireInRange("surface_tilt_degrees", surfaceTiltDegrees, 0.0, 90.0);
        if (!(surfaceAzimuthDegrees >= 0.0 && surfaceAzimuthDegrees < 360.0)) {
            throw new InvalidInputException("surface_azimuth_degrees", surfaceAzimuthDegrees,
                    "must be in [0, 360), clockwise from north");
        }
        InvalidInputException.requireInRange("temperature_coefficient_per_c", temperatureCoefficientPerC, -0.02, 0.0);
        if (!(systemLossesFraction >= 0.0 && systemLossesFraction < 1.0)) {
            throw new InvalidInputException("system_losses_fraction", systemLossesFraction, "must be in [0, 1)");
        }
        InvalidInputException.requireInRange("albedo", albedo, 0.0, 1.0);
        if (linkeTurbidityByMonth == null || linkeTurbidityByMonth.length != 12) {
            throw new InvalidInputException("linke_turbidity_by_month",
                    linkeTurbidityByMonth == null ? null : Arrays.toString(linkeTurbidityByMonth),
                    "must have 12 values, January to December");
        }
        linkeTurbidityByMonth = linkeTurbidityByMonth.clone();
        for (int month = 0; month < 12; month++) {
            InvalidInputException.requireInRange("linke_turbidity_by_month[" + month + "]",
                    linkeTurbidityByMonth[month], 1.0, 10.0);
        }
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0.0 && value <= MAX_CAPACITY_KW)) {
            throw new InvalidInputException(field, value, "must be a positive number of kW up to " + MAX_CAPACITY_KW);
        }
    }

    @Override
    public double[] linkeTurbidityByMonth() {
        return linkeTurbidityByMonth.clone();
    }

    /** Returns the Linke turbidity of a month, 1 = January [unitless]. */
    public double linkeTurbidity(int month) {
        return linkeTurbidityByMonth[month - 1];
    }

    /** Returns a copy with other monthly Linke turbidity values. */
    public PlantConfig withLinkeTurbidityByMonth(double[] values) {
        return new PlantConfig(latitude, longitude, altitudeMeters, zoneId, dcCapacityKw, acCapacityKw,
                surfaceTiltDegrees, surfaceAzimuthDegrees, temperatureCoefficientPerC, systemLossesFraction, albedo,
                values);
    }

    /**
     * Creates a plant with every default: altitude 0 m, AC capacity DC / {@value #DEFAULT_DC_AC_RATIO},
     * tilt {@value #DEFAULT_TILT}°, facing the equator (180° north of it, 0° south of it), temperature
     * coefficient {@value #DEFAULT_TEMPERATURE_COEFFICIENT} /°C, losses {@value #DEFAULT_SYSTEM_LOSSES},
     * albedo {@value #DEFAULT_ALBEDO} and Linke turbidity {@value #DEFAULT_LINKE_TURBIDITY} all year.
     */
    public static PlantConfig withDefaults(double latitude, double longitude, ZoneId zoneId, double dcCapacityKw) {
        return builder().latitude(latitude).longitude(longitude).zoneId(zoneId).dcCapacityKw(dcCapacityKw).build();
    }

    /** Returns a builder whose unset values take the defaults listed at {@link #withDefaults}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlantConfig that
                && Double.compare(latitude, that.latitude) == 0
                && Double.compare(longitude, that.longitude) == 0
                && Double.compare(altitudeMeters, that.altitudeMeters) == 0
                && zoneId.equals(that.zoneId)
                && Double.compare(dcCapacityKw, that.dcCapacityKw) == 0
                && Double.compare(acCapacityKw, that.acCapacityKw) == 0
                && Double.compare(surfaceTiltDegrees, that.surfaceTiltDegrees) == 0
                && Double.compare(surfaceAzimuthDegrees, that.surfaceAzimuthDegrees) == 0
                && Double.compare(temperatureCoefficientPerC, that.temperatureCoefficientPerC) == 0
                && Double.compare(systemLossesFraction, that.systemLossesFraction) == 0
                && Double.compare(albedo, that.albedo) == 0
                && Arrays.equals(linkeTurbidityByMonth, that.linkeTurbidityByMonth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(latitude, longitude, altitudeMeters, zoneId, dcCapacityKw, acCapacityKw,
                surfaceTiltDegrees, surfaceAzimuthDegrees, temperatureCoefficientPerC, systemLossesFraction, albedo,
                Arrays.hashCode(linkeTurbidityByMonth));
    }

    @Override
    public String toString() {
        return "PlantConfig[latitude=" + latitude + ", longitude=" + longitude + ", altitude_meters=" + altitudeMeters
                + ", zone_id=" + zoneId + ", dc_capacity_kw=" + dcCapacityKw + ", ac_capacity_kw=" + acCapacityKw
                + ", surface_tilt_degrees=" + surfaceTiltDegrees + ", surface_azimuth_degrees="
                + surfaceAzimuthDegrees + ", temperature_coefficient_per_c=" + temperatureCoefficientPerC
                + ", system_losses_fraction=" + systemLossesFraction + ", albedo=" + albedo
                + ", linke_turbidity_by_month=" + Arrays.toString(linkeTurbidityByMonth) + "]";
    }

    /** Builder for {@link PlantConfig}; latitude, longitude and DC capacity have no default. */
    public static final class Builder {
        private double latitude = Double.NaN;
        private double longitude = Double.NaN;
        private double altitudeMeters = 0.0;
        private ZoneId zoneId = ZoneId.of("UTC");
        private double dcCapacityKw = Double.NaN;
        private Double acCapacityKw;
        private double surfaceTiltDegrees = DEFAULT_TILT;
        private Double surfaceAzimuthDegrees;
        private double temperatureCoefficientPerC = DEFAULT_TEMPERATURE_COEFFICIENT;
        private double systemLossesFraction = DEFAULT_SYSTEM_LOSSES;
        private double albedo = DEFAULT_ALBEDO;
        private double[] linkeTurbidityByMonth;

        private Builder() {
        }

        public Builder latitude(double value) {
            latitude = value;
            return this;
        }

        public Builder longitude(double value) {
            longitude = value;
            return this;
        }

        public Builder altitudeMeters(double value) {
            altitudeMeters = value;
            return this;
        }

        public Builder zoneId(ZoneId value) {
            zoneId = value;
            return this;
        }

        public Builder dcCapacityKw(double value) {
            dcCapacityKw = value;
            return this;
        }

        public Builder acCapacityKw(double value) {
            acCapacityKw = value;
            return this;
        }

        public Builder surfaceTiltDegrees(double value) {
            surfaceTiltDegrees = value;
            return this;
        }

        public Builder surfaceAzimuthDegrees(double value) {
            surfaceAzimuthDegrees = value;
            return this;
        }

        public Builder temperatureCoefficientPerC(double value) {
            temperatureCoefficientPerC = value;
            return this;
        }

        public Builder systemLossesFraction(double value) {
            systemLossesFraction = value;
            return this;
        }

        public Builder albedo(double value) {
            albedo = value;
            return this;
        }

        public Builder linkeTurbidityByMonth(double[] values) {
            linkeTurbidityByMonth = values == null ? null : values.clone();
            return this;
        }

        /** Sets the same Linke turbidity for all twelve months. */
        public Builder linkeTurbidity(double value) {
            linkeTurbidityByMonth = new double[12];
            Arrays.fill(linkeTurbidityByMonth, value);
            return this;
        }

        public PlantConfig build() {
            double[] linke = linkeTurbidityByMonth;
            if (linke == null) {
                linke = new double[12];
                Arrays.fill(linke, DEFAULT_LINKE_TURBIDITY);
            }
            // Face the equator unless an azimuth is set.
            double azimuth = latitude < 0 ? 0.0 : 180.0;
            if (surfaceAzimuthDegrees != null) {
                azimuth = surfaceAzimuthDegrees;
            }
            double ac = acCapacityKw != null ? acCapacityKw : dcCapacityKw / DEFAULT_DC_AC_RATIO;
            return new PlantConfig(latitude, longitude, altitudeMeters, zoneId, dcCapacityKw, ac, surfaceTiltDegrees,
                    azimuth, temperatureCoefficientPerC, systemLossesFraction, albedo, linke);
        }
    }
}
