package org.solarmarket.forecast.physics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import org.solarmarket.forecast.plant.PlantConfig;

/**
 * Fits a plant's monthly Linke turbidity from data, since no turbidity climatology ships with the
 * service.
 *
 * <p>Each usable sample is inverted: the Linke turbidity for which Ineichen-Perez GHI equals the
 * observed clear-sky GHI is found by bisection on [1, 10] (GHI falls monotonically with turbidity). A
 * month's value is the median of its samples; a month with fewer than {@value #MIN_SAMPLES_PER_MONTH}
 * samples keeps the plant's current value. Only samples with the Sun above {@value #MIN_ELEVATION}°
 * and GHI above {@value #MIN_GHI} W/m² are used, because low Sun makes the inversion ill-conditioned.
 *
 * <p>Two sources of clear-sky GHI are supported: a data set's own clear-sky column (such as the NSRDB's
 * {@code ghi_clear}), and measured GHI filtered to clear periods by {@link ClearSkyDetection}.
 */
public final class LinkeTurbidityCalibration {

    private static final Logger LOG = Logger.getLogger(LinkeTurbidityCalibration.class);

    static final int MIN_SAMPLES_PER_MONTH = 10;
    static final double MIN_ELEVATION = 15.0;
    static final double MIN_GHI = 100.0;
    private static final double MIN_LINKE = 1.0;
    private static final double MAX_LINKE = 10.0;

    private LinkeTurbidityCalibration() {
    }

    /**
     * Fitted monthly values.
     *
     * @param linkeTurbidityByMonth January to December [unitless]; unfitted months keep the prior value
     * @param samplesByMonth        number of samples used per month
     */
    public record Result(double[] linkeTurbidityByMonth, int[] samplesByMonth) {

        /** Returns whether a month (1 = January) was fitted from data. */
        public boolean fitted(int month) {
            return samplesByMonth[month - 1] >= MIN_SAMPLES_PER_MONTH;
        }

        /** Returns the plant with the fitted values. */
        public PlantConfig applyTo(PlantConfig plant) {
            return plant.withLinkeTurbidityByMonth(linkeTurbidityByMonth);
        }
    }

    /**
     * Fits from a clear-sky GHI column, where every sample describes a cloudless sky.
     *
     * @param plant       location, altitude and prior monthly values
     * @param times       sample instants
     * @param clearSkyGhi clear-sky GHI [W/m²] per instant; NaN samples are skipped
     */
    public static Result fromClearSkyGhi(PlantConfig plant, Instant[] times, double[] clearSkyGhi) {
        boolean[] all = new boolean[times.length];
        Arrays.fill(all, true);
        return fit(plant, times, clearSkyGhi, all);
    }

    /**
     * Fits from measured GHI, using only the samples that {@link ClearSkyDetection} marks clear.
     *
     * @param plant location, altitude and prior monthly values
     * @param times sample instants, evenly spaced, 1 to 15 minutes apart
     * @param ghi   measured GHI [W/m²] per instant
     */
    public static Result fromMeasuredGhi(PlantConfig plant, Instant[] times, double[] ghi) {
        PvSystemModel model = new PvSystemModel(plant);
        ClearSkySeries modelled = model.clearSky(times);
        boolean[] clear = ClearSkyDetection.detect(times, ghi, modelled.ghi());
        return fit(plant, times, ghi, clear);
    }

    private static Result fit(PlantConfig plant, Instant[] times, double[] ghi, boolean[] use) {
        if (ghi.length != times.length) {
            throw new InvalidInputException("ghi", ghi.length + " values", "must have one value per instant ("
                    + times.length + ")");
        }
        Observer observer = Observer.at(plant.latitude(), plant.longitude(), plant.altitudeMeters());
        SolarPosition[] positions = SolarPositionCalculator.series(times, observer);
        List<List<Double>> byMonth = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            byMonth.add(new ArrayList<>());
        }
        for (int i = 0; i < times.length; i++) {
            SolarPosition position = positions[i];
            if (!use[i] || !(ghi[i] > MIN_GHI) || position.apparentElevation() < MIN_ELEVATION) {
                continue;
            }
            double airMass = Atmosphere.absoluteAirMass(
                    Atmosphere.relativeAirMassKastenYoung1989(position.apparentZenith()), observer.pressurePa());
            double dniExtra = ExtraterrestrialIrradiance.fromDistance(position.earthSunDistance());
            double linke = invert(position.apparentZenith(), airMass, plant.altitudeMeters(), dniExtra, ghi[i]);
            if (!Double.isNaN(linke)) {
                byMonth.get(times[i].atZone(ZoneOffset.UTC).getMonthValue() - 1).add(linke);
            }
        }
        double[] values = plant.linkeTurbidityByMonth();
        int[] counts = new int[12];
        for (int month = 0; month < 12; month++) {
            List<Double> samples = byMonth.get(month);
            counts[month] = samples.size();
            if (samples.size() >= MIN_SAMPLES_PER_MONTH) {
                values[month] = median(samples);
            }
        }
        LOG.infof("[plant %.4f,%.4f] Linke turbidity calibrated: %s from samples per month %s", plant.latitude(),
                plant.longitude(), Arrays.toString(values), Arrays.toString(counts));
        return new Result(values, counts);
    }

    /** Returns the Linke turbidity that reproduces a GHI, or NaN when none in [1, 10] does. */
    static double invert(double apparentZenith, double airMass, double altitudeMeters, double dniExtra,
            double ghi) {
        double low = MIN_LINKE;
        double high = MAX_LINKE;
        double ghiAtLow = ClearSkyModel.ineichen(apparentZenith, airMass, low, altitudeMeters, dniExtra).ghi();
        double ghiAtHigh = ClearSkyModel.ineichen(apparentZenith, airMass, high, altitudeMeters, dniExtra).ghi();
        if (ghi > ghiAtLow || ghi < ghiAtHigh) {
            return Double.NaN;
        }
        for (int iteration = 0; iteration < 50; iteration++) {
            double middle = (low + high) / 2.0;
            double modelled = ClearSkyModel.ineichen(apparentZenith, airMass, middle, altitudeMeters, dniExtra).ghi();
            if (modelled > ghi) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2.0;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
