package org.solarmarket.forecast.physics;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.solarmarket.forecast.plant.PlantConfig;

/**
 * The physics chain from weather to AC power for one plant. Its steps are solar position (NREL SPA),
 * air mass (Kasten-Young 1989), clear sky (Ineichen-Perez), and transposition to the plane of array
 * (Perez 1990 by default) with ground reflection. Then follow cell temperature (SAPM by default),
 * PVWatts DC less the plant's system losses, and the PVWatts inverter curve clipped at the AC capacity.
 *
 * <p>All powers are in kW and all outputs are finite and non-negative: night, a Sun behind the array
 * and polar night give 0. Instances are immutable and safe to share between threads.
 */
public final class PvSystemModel {

    /** Air temperature assumed for clear-sky power [°C]. */
    public static final double CLEAR_SKY_AIR_TEMPERATURE_C = 20.0;
    /** Wind speed assumed for clear-sky power [m/s]. */
    public static final double CLEAR_SKY_WIND_SPEED_MS = 1.0;

    /** Sky diffuse model used for the plane of array. */
    public enum SkyModel { ISOTROPIC, HAY_DAVIES, PEREZ }

    /** Cell temperature model. */
    public enum TemperatureModel { SAPM_OPEN_RACK_GLASS_POLYMER, FAIMAN }

    private final PlantConfig plant;
    private final Observer observer;
    private final SkyModel skyModel;
    private final TemperatureModel temperatureModel;
    /** DC input limit of the inverter, so that its AC limit equals the plant's AC capacity [kW]. */
    private final double inverterDcLimitKw;

    public PvSystemModel(PlantConfig plant) {
        this(plant, SkyModel.PEREZ, TemperatureModel.SAPM_OPEN_RACK_GLASS_POLYMER);
    }

    public PvSystemModel(PlantConfig plant, SkyModel skyModel, TemperatureModel temperatureModel) {
        this.plant = plant;
        this.observer = Observer.at(plant.latitude(), plant.longitude(), plant.altitudeMeters());
        this.skyModel = skyModel;
        this.temperatureModel = temperatureModel;
        this.inverterDcLimitKw = plant.acCapacityKw() / PvWatts.ETA_INV_NOM;
    }

    public PlantConfig plant() {
        return plant;
    }

    /** Returns the solar position of each instant at the plant. */
    public SolarPosition[] solarPositions(Instant[] times) {
        return SolarPositionCalculator.series(times, observer);
    }

    /** Computes Ineichen-Perez clear-sky irradiance and the solar geometry for each instant. */
    public ClearSkySeries clearSky(Instant[] times) {
        return clearSky(times, solarPositions(times));
    }

    private ClearSkySeries clearSky(Instant[] times, SolarPosition[] positions) {
        int n = times.length;
        double[] ghi = new double[n];
        double[] dni = new double[n];
        double[] dhi = new double[n];
        double[] zenith = new double[n];
        double[] azimuth = new double[n];
        double[] dniExtra = new double[n];
        double[] linke = new double[n];
        double[] monthly = plant.linkeTurbidityByMonth();
        for (int i = 0; i < n; i++) {
            SolarPosition position = positions[i];
            zenith[i] = position.apparentZenith();
            azimuth[i] = position.azimuth();
            dniExtra[i] = ExtraterrestrialIrradiance.fromDistance(position.earthSunDistance());
            linke[i] = LinkeTurbidity.at(monthly, dayOfYear(times[i]));
            double airMass = Atmosphere.absoluteAirMass(
                    Atmosphere.relativeAirMassKastenYoung1989(position.apparentZenith()), observer.pressurePa());
            Irradiance clear = ClearSkyModel.ineichen(position.apparentZenith(), airMass, linke[i],
                    plant.altitudeMeters(), dniExtra[i]);
            ghi[i] = clear.ghi();
            dni[i] = clear.dni();
            dhi[i] = clear.dhi();
        }
        return new ClearSkySeries(times.clone(), ghi, dni, dhi, zenith, azimuth, dniExtra, linke);
    }

    /**
     * Computes p_clear, the AC power under a clear sky at {@value #CLEAR_SKY_AIR_TEMPERATURE_C} °C air
     * and {@value #CLEAR_SKY_WIND_SPEED_MS} m/s wind [kW], for instants at any spacing.
     */
    public double[] clearSkyAcPowerKw(Instant[] times) {
        SolarPosition[] positions = solarPositions(times);
        ClearSkySeries clear = clearSky(times, positions);
        double[] power = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            power[i] = acPowerKw(positions[i], clear.dniExtra()[i], clear.ghi()[i], clear.dni()[i], clear.dhi()[i],
                    CLEAR_SKY_AIR_TEMPERATURE_C, CLEAR_SKY_WIND_SPEED_MS);
        }
        return power;
    }

    /**
     * Computes AC power [kW] from measured or forecast weather.
     *
     * <p>NOTE: a non-finite or negative irradiance counts as 0, and a non-finite air temperature or
     * wind speed is replaced by the clear-sky assumption, so gaps in weather data give a number rather
     * than NaN. Callers that must see gaps should check their inputs first.
     *
     * @param times           instants
     * @param ghi             global horizontal irradiance [W/m²]
     * @param dni             direct normal irradiance [W/m²]
     * @param dhi             diffuse horizontal irradiance [W/m²]
     * @param airTemperatureC air temperature [°C]
     * @param windSpeedMs     wind speed [m/s]
     * @return AC power [kW], in [0, AC capacity]
     */
    public double[] acPowerKw(Instant[] times, double[] ghi, double[] dni, double[] dhi, double[] airTemperatureC,
            double[] windSpeedMs) {
        int n = times.length;
        requireLength("ghi", ghi, n);
        requireLength("dni", dni, n);
        requireLength("dhi", dhi, n);
        requireLength("air_temperature_c", airTemperatureC, n);
        requireLength("wind_speed_ms", windSpeedMs, n);
        SolarPosition[] positions = solarPositions(times);
        double[] power = new double[n];
        for (int i = 0; i < n; i++) {
            double temperature = Double.isFinite(airTemperatureC[i]) ? airTemperatureC[i] : CLEAR_SKY_AIR_TEMPERATURE_C;
            double wind = Double.isFinite(windSpeedMs[i]) ? windSpeedMs[i] : CLEAR_SKY_WIND_SPEED_MS;
            power[i] = acPowerKw(positions[i], ExtraterrestrialIrradiance.fromDistance(positions[i].earthSunDistance()),
                    nonNegative(ghi[i]), nonNegative(dni[i]), nonNegative(dhi[i]), temperature, wind);
        }
        return power;
    }

    /**
     * Computes AC power [kW] from GHI alone, splitting it into DNI and DHI with the Erbs model at the
     * true solar zenith, for weather sources without beam and diffuse components.
     *
     * @param times           instants
     * @param ghi             global horizontal irradiance [W/m²]
     * @param airTemperatureC air temperature [°C]
     * @param windSpeedMs     wind speed [m/s]
     * @return AC power [kW], in [0, AC capacity]
     */
    public double[] acPowerFromGhiKw(Instant[] times, double[] ghi, double[] airTemperatureC, double[] windSpeedMs) {
        requireLength("ghi", ghi, times.length);
        SolarPosition[] positions = solarPositions(times);
        double[] dni = new double[times.length];
        double[] dhi = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double[] split = Decomposition.erbs(nonNegative(ghi[i]), positions[i].zenith(), dayOfYear(times[i]));
            dni[i] = split[0];
            dhi[i] = split[1];
        }
        return acPowerKw(times, ghi, dni, dhi, airTemperatureC, windSpeedMs);
    }

    /** Computes the plane-of-array irradiance [W/m²] on the plant's surface. */
    public PlaneOfArray planeOfArray(SolarPosition position, double dniExtra, double ghi, double dni, double dhi) {
        double zenith = position.apparentZenith();
        if (!(zenith < 90.0)) {
            // The Sun is down: only a diffuse twilight GHI could remain, and it is not modelled.
            return PlaneOfArray.NONE;
        }
        double tilt = plant.surfaceTiltDegrees();
        double surfaceAzimuth = plant.surfaceAzimuthDegrees();
        double projection = Transposition.aoiProjection(tilt, surfaceAzimuth, zenith, position.azimuth());
        double beam = Transposition.beam(dni, projection);
        double sky = switch (skyModel) {
            case ISOTROPIC -> Transposition.isotropic(tilt, dhi);
            case HAY_DAVIES -> Transposition.hayDavies(tilt, surfaceAzimuth, zenith, position.azimuth(), dni, dhi,
                    dniExtra).total();
            case PEREZ -> Transposition.perez(tilt, surfaceAzimuth, zenith, position.azimuth(), dni, dhi, dniExtra,
                    Atmosphere.relativeAirMassKastenYoung1989(zenith)).total();
        };
        double ground = Transposition.groundDiffuse(tilt, ghi, plant.albedo());
        return new PlaneOfArray(beam + sky + ground, beam, sky, ground);
    }

    private double acPowerKw(SolarPosition position, double dniExtra, double ghi, double dni, double dhi,
            double airTemperatureC, double windSpeedMs) {
        PlaneOfArray poa = planeOfArray(position, dniExtra, ghi, dni, dhi);
        if (!(poa.global() > 0.0)) {
            return 0.0;
        }
        double cellTemperature = switch (temperatureModel) {
            case SAPM_OPEN_RACK_GLASS_POLYMER -> CellTemperature.sapmCell(poa.global(), airTemperatureC, windSpeedMs,
                    CellTemperature.SapmMounting.OPEN_RACK_GLASS_POLYMER);
            case FAIMAN -> CellTemperature.faiman(poa.global(), airTemperatureC, windSpeedMs);
        };
        double dcKw = PvWatts.dc(poa.global(), cellTemperature, plant.dcCapacityKw(),
                plant.temperatureCoefficientPerC()) * (1.0 - plant.systemLossesFraction());
        double acKw = PvWatts.inverter(dcKw, inverterDcLimitKw);
        return Math.min(acKw, plant.acCapacityKw());
    }

    /** Returns the day of year of the instant's UTC date, as Erbs and DISC expect. */
    public static int dayOfYear(Instant time) {
        return ExtraterrestrialIrradiance.dayOfYear(time);
    }

    /** Returns the local calendar day start of an instant in the plant's zone. */
    public ZonedDateTime localDayStart(Instant time) {
        return time.atZone(plant.zoneId()).toLocalDate().atStartOfDay(plant.zoneId());
    }

    private static double nonNegative(double value) {
        return value > 0.0 && Double.isFinite(value) ? value : 0.0;
    }

    private static void requireLength(String field, double[] values, int expected) {
        if (values == null || values.length != expected) {
            throw new InvalidInputException(field, values == null ? null : values.length + " values",
                    "must have one value per instant (" + expected + ")");
        }
    }

    /**
     * Irradiance on the plane of array [W/m²].
     *
     * @param global  beam + sky diffuse + ground reflected
     * @param beam    direct part, DNI cos(AOI), 0 when the Sun is behind the array
     * @param sky     sky diffuse part
     * @param ground  ground-reflected part
     */
    public record PlaneOfArray(double global, double beam, double sky, double ground) {
        static final PlaneOfArray NONE = new PlaneOfArray(0.0, 0.0, 0.0, 0.0);
    }
}
