package org.solarmarket.forecast.features;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds model inputs for a forecast issued at grid index {@code i0} (the last measurement known)
 * for a target time {@code t = time(i0) + horizon}. Features split in two groups:
 *
 * <ul>
 *   <li>issue features, read only from grid points {@code <= i0}: lags of power and residual
 *       ({@code power - p_clear}) at 1, 2, 3, 4, 6, 12 and 24 steps, where lag 1 is the value at
 *       {@code i0}; rolling mean and standard deviation of power over the last 4 steps; the
 *       clear-sky index at issue time and over the last 24 h;</li>
 *   <li>target features, which describe the target time itself: horizon, calendar, clear-sky
 *       physics and (for the weather setting) the weather forecast for {@code t}.</li>
 * </ul>
 *
 * <p>Every power quantity is divided by the AC capacity, so one model fits plants of any size.
 * Lags are taken relative to the issue time, never to the target time, so a row never contains a
 * measurement later than {@code i0} whatever its horizon.
 */
public final class FeatureBuilder {

    /** Lags in grid steps; lag 1 is the latest measurement at issue time. */
    public static final int[] LAGS = {1, 2, 3, 4, 6, 12, 24};
    static final int ROLLING_STEPS = 4;
    /** Clear-sky power below this fraction of capacity gives no usable clear-sky index. */
    static final double MIN_CLEAR_FRACTION_FOR_INDEX = 0.05;
    static final double MAX_CLEAR_SKY_INDEX = 1.5;

    private final WeatherInputs inputs;
    private final List<String> names;

    public FeatureBuilder(WeatherInputs inputs) {
        this.inputs = inputs;
        this.names = List.copyOf(featureNames(inputs));
    }

    public WeatherInputs inputs() {
        return inputs;
    }

    public List<String> names() {
        return names;
    }

    public int width() {
        return names.size();
    }

    public static List<String> featureNames(WeatherInputs inputs) {
        List<String> names = new ArrayList<>(List.of("horizon_minutes", "hour_sin", "hour_cos", "day_of_year_sin",
                "day_of_year_cos", "weekend", "p_clear", "ghi_clear", "solar_elevation"));
        if (inputs == WeatherInputs.WEATHER) {
            names.addAll(List.of("ghi", "air_temperature", "wind_speed", "p_weather", "ghi_clear_sky_index"));
        }
        for (int lag : LAGS) {
            names.add("power_lag_" + lag);
        }
        for (int lag : LAGS) {
            names.add("residual_lag_" + lag);
        }
        names.addAll(List.of("power_mean_4", "power_std_4", "clear_sky_index_issue", "clear_sky_index_24h",
                "p_clear_issue"));
        return names;
    }

    /** Number of features computed by {@link #issueFeatures}. */
    public static int issueWidth() {
        return 2 * LAGS.length + 5;
    }

    /**
     * Computes the issue features at grid index {@code i0}, reading only indices {@code <= i0}.
     * Missing measurements give NaN, which XGBoost treats as missing.
     */
    public static void issueFeatures(PlantTimeline timeline, int i0, float[] out, int offset) {
        double capacity = timeline.acCapacityKw();
        double[] power = timeline.powerKw();
        double[] clear = timeline.clearSkyPowerKw();
        int k = offset;
        for (int lag : LAGS) {
            int index = i0 - (lag - 1);
            out[k++] = index >= 0 ? (float) (power[index] / capacity) : Float.NaN;
        }
        for (int lag : LAGS) {
            int index = i0 - (lag - 1);
            out[k++] = index >= 0 ? (float) ((power[index] - clear[index]) / capacity) : Float.NaN;
        }
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int index = Math.max(0, i0 - ROLLING_STEPS + 1); index <= i0; index++) {
            if (!Double.isNaN(power[index])) {
                double value = power[index] / capacity;
                sum += value;
                sumSquares += value * value;
                count++;
            }
        }
        double mean = count == 0 ? Double.NaN : sum / count;
        double variance = count == 0 ? Double.NaN : Math.max(0, sumSquares / count - mean * mean);
        out[k++] = (float) mean;
        out[k++] = (float) Math.sqrt(variance);
        out[k++] = (float) clearSkyIndex(timeline, i0, ROLLING_STEPS);
        out[k++] = (float) clearSkyIndex(timeline, i0, (int) (86_400 / timeline.step().getSeconds()));
        out[k] = (float) (clear[i0] / capacity);
    }

    /**
     * Ratio of measured to clear-sky energy over the {@code steps} grid points ending at
     * {@code i0}, or NaN when the sun gave too little energy in that window to judge.
     */
    public static double clearSkyIndex(PlantTimeline timeline, int i0, int steps) {
        double measured = 0;
        double clear = 0;
        for (int index = Math.max(0, i0 - steps + 1); index <= i0; index++) {
            double power = timeline.powerKw()[index];
            if (!Double.isNaN(power) && timeline.clearSkyPowerKw()[index] > 0) {
                measured += power;
                clear += timeline.clearSkyPowerKw()[index];
            }
        }
        int windowSteps = Math.min(steps, i0 + 1);
        if (clear < MIN_CLEAR_FRACTION_FOR_INDEX * timeline.acCapacityKw() * Math.min(windowSteps, ROLLING_STEPS)) {
            return Double.NaN;
        }
        return Math.min(MAX_CLEAR_SKY_INDEX, measured / clear);
    }

    /**
     * Computes the target features for a target instant.
     *
     * @param horizonMinutes  minutes from the issue time to the target
     * @param clearSkyPowerKw {@code p_clear} at the target [kW]
     * @param clearSkyGhi     clear-sky GHI at the target [W/m²]
     * @param elevation       apparent solar elevation at the target [°]
     * @param weather         weather at the target (ghi, air temperature, wind speed, weather power
     *                        in kW), ignored for the no-weather setting
     */
    public void targetFeatures(Instant target, ZoneId zone, double capacityKw, double horizonMinutes,
            double clearSkyPowerKw, double clearSkyGhi, double elevation, double[] weather, float[] out) {
        ZonedDateTime local = target.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0;
        double dayOfYear = local.getDayOfYear() - 1 + hour / 24.0;
        int k = 0;
        out[k++] = (float) horizonMinutes;
        out[k++] = (float) Math.sin(2 * Math.PI * hour / 24);
        out[k++] = (float) Math.cos(2 * Math.PI * hour / 24);
        out[k++] = (float) Math.sin(2 * Math.PI * dayOfYear / 365.25);
        out[k++] = (float) Math.cos(2 * Math.PI * dayOfYear / 365.25);
        DayOfWeek day = local.getDayOfWeek();
        out[k++] = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1f : 0f;
        out[k++] = (float) (clearSkyPowerKw / capacityKw);
        out[k++] = (float) clearSkyGhi;
        out[k++] = (float) elevation;
        if (inputs == WeatherInputs.WEATHER) {
            double ghi = weather[0];
            out[k++] = (float) ghi;
            out[k++] = (float) weather[1];
            out[k++] = (float) weather[2];
            out[k++] = (float) (weather[3] / capacityKw);
            out[k++] = clearSkyGhi > 50 && !Double.isNaN(ghi) ? (float) Math.min(MAX_CLEAR_SKY_INDEX, ghi / clearSkyGhi)
                    : Float.NaN;
        }
        if (k != width() - issueWidth()) {
            throw new IllegalStateException("target features wrote " + k + " values");
        }
    }

    /** Builds one full row for target index {@code target} of the timeline, issued at {@code i0}. */
    public float[] row(PlantTimeline timeline, int i0, int target) {
        float[] row = new float[width()];
        fillRow(timeline, i0, target, row, 0);
        return row;
    }

    /** Writes one full row into {@code out} at {@code offset}. */
    public void fillRow(PlantTimeline timeline, int i0, int target, float[] out, int offset) {
        float[] head = new float[width() - issueWidth()];
        double[] weather = inputs == WeatherInputs.WEATHER
                ? new double[] {timeline.ghi()[target], timeline.airTemperature()[target], timeline.windSpeed()[target],
                        timeline.weatherPowerKw()[target]}
                : null;
        double horizonMinutes = (target - i0) * timeline.step().getSeconds() / 60.0;
        targetFeatures(timeline.time(target), timeline.zone(), timeline.acCapacityKw(), horizonMinutes,
                timeline.clearSkyPowerKw()[target], timeline.clearSkyGhi()[target], timeline.solarElevation()[target],
                weather, head);
        System.arraycopy(head, 0, out, offset, head.length);
        issueFeatures(timeline, i0, out, offset + head.length);
    }
}
