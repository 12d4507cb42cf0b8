package org.solarmarket.forecast.dataset;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.jboss.logging.Logger;
import org.solarmarket.forecast.data.CsvSeriesReader;
import org.solarmarket.forecast.data.CsvTable;
import org.solarmarket.forecast.data.RegularSeries;
import org.solarmarket.forecast.data.SeriesField;
import org.solarmarket.forecast.data.TimedValues;
import org.solarmarket.forecast.features.PlantTimeline;
import org.solarmarket.forecast.physics.ClearSkySeries;
import org.solarmarket.forecast.physics.Decomposition;
import org.solarmarket.forecast.physics.PvSystemModel;
import org.solarmarket.forecast.plant.PlantConfig;
import org.solarmarket.forecast.quality.PowerQualityStep;

/**
 * Reads a plant's files, cleans the power series and adds the physics: {@code p_clear}, clear-sky
 * GHI, solar elevation and, when weather is present, the power the physics gives for it. Weather
 * is interpolated linearly onto the power grid across gaps of up to one hour. Weather without DNI
 * and DHI is split with the Erbs model.
 */
public final class DatasetLoader {

    private static final Logger LOG = Logger.getLogger(DatasetLoader.class);
    private static final Duration MAX_WEATHER_GAP = Duration.ofMinutes(61);
    /** Large enough that a 1 kW DC array never clips, for the capacity estimate. */
    private static final double UNCLIPPED_AC_KW = 10.0;

    private DatasetLoader() {
    }

    /**
     * @param plant plant settings; capacities of NaN are estimated from the data
     */
    public static LoadedPlant load(String plantId, PlantDataset dataset, PlantSite plant) {
        long started = System.nanoTime();
        TimedValues raw = CsvSeriesReader.read(dataset.powerFile(), dataset.powerMapping()).require(SeriesField.POWER);
        PowerQualityStep.Result cleaned = PowerQualityStep.clean(plantId, raw, dataset.step(), dataset.dstZone());
        RegularSeries power = cleaned.power();
        Instant[] times = power.times();

        PlantConfig config = plant.config(Double.isNaN(plant.dcCapacityKw()) || Double.isNaN(plant.acCapacityKw())
                ? estimateCapacities(plant, power, times)
                : new CapacityCalibration.Capacities(plant.dcCapacityKw(), plant.acCapacityKw()));
        PvSystemModel model = new PvSystemModel(config);
        ClearSkySeries clear = model.clearSky(times);
        double[] clearPower = model.clearSkyAcPowerKw(times);
        double[] elevation = Arrays.stream(clear.apparentZenith()).map(z -> 90 - z).toArray();

        double[] ghi = null;
        double[] temperature = null;
        double[] wind = null;
        double[] weatherPower = null;
        boolean decomposed = false;
        if (dataset.weatherFile().isPresent()) {
            CsvTable weather = CsvSeriesReader.read(dataset.weatherFile().get(), dataset.weatherMapping().orElseThrow());
            ghi = interpolate(weather, SeriesField.GHI, power);
            temperature = interpolate(weather, SeriesField.AIR_TEMPERATURE, power);
            wind = interpolate(weather, SeriesField.WIND_SPEED, power);
            double[] dni;
            double[] dhi;
            if (weather.field(SeriesField.DNI).isPresent() && weather.field(SeriesField.DHI).isPresent()) {
                dni = interpolate(weather, SeriesField.DNI, power);
                dhi = interpolate(weather, SeriesField.DHI, power);
            } else {
                int[] days = Arrays.stream(times).mapToInt(PvSystemModel::dayOfYear).toArray();
                double[][] split = Decomposition.erbs(ghi, clear.apparentZenith(), days);
                dni = split[0];
                dhi = split[1];
                decomposed = true;
            }
            weatherPower = model.acPowerKw(times, ghi, dni, dhi, temperature, wind);
            for (int i = 0; i < weatherPower.length; i++) {
                if (Double.isNaN(ghi[i])) {
                    weatherPower[i] = Double.NaN;
                }
            }
        }
        String weatherKind = ghi == null ? "none" : decomposed ? "GHI, Erbs split" : "full";
        PlantTimeline timeline = new PlantTimeline(power.start(), power.step(), config.zoneId(), config.acCapacityKw(),
                power.values(), clearPower, clear.ghi(), elevation, ghi, temperature, wind, weatherPower);
        LOG.infof("[plant %s] loaded %d grid points %s to %s in %.1f s (DC %.3f kW, AC %.3f kW, weather %s)", plantId,
                power.size(), power.start(), power.time(power.size() - 1), (System.nanoTime() - started) / 1e9,
                config.dcCapacityKw(), config.acCapacityKw(), weatherKind);
        return new LoadedPlant(plantId, config, timeline, cleaned.report(), decomposed);
    }

    private static CapacityCalibration.Capacities estimateCapacities(PlantSite plant, RegularSeries power,
            Instant[] times) {
        PlantConfig unit = plant.config(new CapacityCalibration.Capacities(1.0, UNCLIPPED_AC_KW));
        double[] unitClear = new PvSystemModel(unit).clearSkyAcPowerKw(times);
        CapacityCalibration.Capacities estimate = CapacityCalibration.estimate(power, unitClear);
        double dc = Double.isNaN(plant.dcCapacityKw()) ? estimate.dcKw() : plant.dcCapacityKw();
        double ac = Double.isNaN(plant.acCapacityKw()) ? estimate.acKw() : plant.acCapacityKw();
        return new CapacityCalibration.Capacities(dc, ac);
    }

    private static double[] interpolate(CsvTable weather, SeriesField field, RegularSeries grid) {
        return weather.field(field)
                .map(values -> values.interpolateOnto(grid, MAX_WEATHER_GAP))
                .orElseGet(() -> {
                    double[] missing = new double[grid.size()];
                    Arrays.fill(missing, Double.NaN);
                    return missing;
                });
    }
}
