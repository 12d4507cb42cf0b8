package org.solarmarket.replay.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * Measured AC power of the reference plant, as a meter would report it: the average power of each
 * 15-minute interval, keyed by the interval start in UTC.
 *
 * <p>The source file (NREL PVDAQ system 50, {@code measured_on,ac_power_2} in W) labels every row
 * {@code -07:00}, but its logger clock followed US daylight saving time. The reader therefore takes
 * the label's date and time as wall time in {@code America/Denver}: in summer that is UTC-6, which
 * removes the one-hour shift. At the autumn change the repeated hour is read with the earlier
 * offset and the later duplicate is dropped; the hour skipped in spring simply has no rows.
 * Negative night values (the meter's tare) read as zero, and empty or {@code NaN} values are gaps.
 */
public final class MeasuredPvSeries {

    public static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final ZoneId LOGGER_ZONE = ZoneId.of("America/Denver");
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TreeMap<Instant, Double> powerW;
    private final double capacityW;

    private MeasuredPvSeries(TreeMap<Instant, Double> powerW) {
        this.powerW = powerW;
        this.capacityW = percentile(powerW.values().stream().mapToDouble(Double::doubleValue)
                .filter(v -> v > 0).toArray(), 0.999);
    }

    /**
     * Reads the PVDAQ system 50 CSV.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when a row is malformed; the message names the line
     */
    public static MeasuredPvSeries read(Path csv) throws IOException {
        TreeMap<Instant, Double> values = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("measured_on,")) {
                throw new IllegalArgumentException(csv + ": expected the header 'measured_on,ac_power_2', found '"
                        + header + "'");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 25) {
                    throw new IllegalArgumentException(csv + " line " + lineNumber + ": expected "
                            + "'yyyy-MM-dd HH:mm:ss-07:00,value', found '" + line + "'");
                }
                LocalDateTime label = LocalDateTime.parse(line.substring(0, 19), LABEL);
                Instant start = label.atZone(LOGGER_ZONE).toInstant();
                String text = line.substring(comma + 1).trim();
                double value = text.isEmpty() ? Double.NaN : Double.parseDouble(text);
                if (!Double.isNaN(value)) {
                    values.putIfAbsent(start, Math.max(0.0, value));
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(csv + ": no power values");
        }
        return new MeasuredPvSeries(values);
    }

    /** Average power [W] of the interval starting at {@code start}, or NaN when the meter has no value. */
    public double powerW(Instant start) {
        Double value = powerW.get(start);
        return value == null ? Double.NaN : value;
    }

    /** Energy [kWh] of the interval starting at {@code start}, or NaN for a gap. */
    public double energyKwh(Instant start) {
        return powerW(start) * INTERVAL.toSeconds() / 3600.0 / 1000.0;
    }

    /** The plant's empirical AC capacity [W]: the 99.9th percentile of its positive values. */
    public double capacityW() {
        return capacityW;
    }

    public Instant first() {
        return powerW.firstKey();
    }

    public Instant last() {
        return powerW.lastKey();
    }

    public int size() {
        return powerW.size();
    }

    static double percentile(double[] values, double quantile) {
        if (values.length == 0) {
            return 0.0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.floor(quantile * (sorted.length - 1)));
        return sorted[index];
    }
}
