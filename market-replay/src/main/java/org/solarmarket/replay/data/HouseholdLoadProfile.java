package org.solarmarket.replay.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A measured single-family-house load profile normalised to 1 MWh a year (VDI 4657-3 reference
 * profile LP_W_EFH, 15-minute values in W per MWh/a, stamped in local time of 2019).
 *
 * <p>The profile is looked up by local wall time: day of year and quarter-hour of the day, so a
 * consumer in any time zone gets the evening peak in its own evening. The source holds a constant
 * gap fill of 104.6 W/MWh from 2019-10-25 14:15 to 2019-11-06 05:45; those quarter-hours are
 * replaced by the values one, two or three weeks earlier, whichever lies outside the fill.
 */
public final class HouseholdLoadProfile {

    static final int QUARTERS_PER_DAY = 96;
    static final int DAYS = 365;
    private static final double GAP_FILL_VALUE = 104.6;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

    /** W per MWh/a, indexed by (day of year - 1) * 96 + quarter of the local day. */
    private final double[] wattsPerMwh;

    private HouseholdLoadProfile(double[] wattsPerMwh) {
        this.wattsPerMwh = wattsPerMwh;
    }

    /**
     * Reads {@code LP_W_EFH.csv} ({@code datetime,LP_W_EFH [W/MWh]}).
     *
     * @throws IllegalArgumentException when a row is malformed or the year is incomplete
     */
    public static HouseholdLoadProfile read(Path csv) throws IOException {
        double[] values = new double[DAYS * QUARTERS_PER_DAY];
        boolean[] seen = new boolean[values.length];
        boolean[] gapFill = new boolean[values.length];
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("datetime,")) {
                throw new IllegalArgumentException(csv + ": expected the header 'datetime,LP_W_EFH [W/MWh]', found '"
                        + header + "'");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",");
                if (fields.length != 2) {
                    throw new IllegalArgumentException(csv + " line " + lineNumber + ": expected 2 fields, found '"
                            + line + "'");
                }
                LocalDateTime local = OffsetDateTime.parse(fields[0].trim(), STAMP).toLocalDateTime();
                int index = indexOf(local);
                if (index < 0 || seen[index]) {
                    // The repeated hour at the autumn clock change: keep the first reading.
                    continue;
                }
                double value = Double.parseDouble(fields[1].trim());
                values[index] = value;
                seen[index] = true;
                gapFill[index] = value == GAP_FILL_VALUE;
            }
        }
        fillMissing(values, seen, gapFill);
        return new HouseholdLoadProfile(values);
    }

    /** Profile power [W per MWh/a] at a local wall time. February 29 uses February 28. */
    public double wattsPerMwh(LocalDateTime local) {
        int index = indexOf(local);
        return wattsPerMwh[index < 0 ? indexOf(local.minusDays(1)) : index];
    }

    /** Sum of the year's quarter-hour energies [kWh per MWh/a]; 1000 for a complete profile. */
    public double annualEnergyKwhPerMwh() {
        double sum = 0;
        for (double v : wattsPerMwh) {
            sum += v * 0.25 / 1000.0;
        }
        return sum;
    }

    private static int indexOf(LocalDateTime local) {
        int day = local.getDayOfYear();
        if (local.toLocalDate().isLeapYear()) {
            if (day == 60) {
                return -1;
            }
            if (day > 60) {
                day--;
            }
        }
        if (day > DAYS) {
            return -1;
        }
        int quarter = local.getHour() * 4 + local.getMinute() / 15;
        return (day - 1) * QUARTERS_PER_DAY + quarter;
    }

    /** Replaces missing quarter-hours (the spring clock change) and the constant gap fill. */
    private static void fillMissing(double[] values, boolean[] seen, boolean[] gapFill) {
        int week = 7 * QUARTERS_PER_DAY;
        boolean[] runOfFill = markLongRuns(gapFill, 8);
        for (int i = 0; i < values.length; i++) {
            if (seen[i] && !runOfFill[i]) {
                continue;
            }
            for (int weeks = 1; weeks <= 3; weeks++) {
                int j = Math.floorMod(i - weeks * week, values.length);
                if (seen[j] && !runOfFill[j]) {
                    values[i] = values[j];
                    break;
                }
            }
        }
    }

    /** Marks flags that belong to a run of at least {@code minRun} consecutive true values. */
    private static boolean[] markLongRuns(boolean[] flags, int minRun) {
        boolean[] marked = new boolean[flags.length];
        int i = 0;
        while (i < flags.length) {
            if (!flags[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < flags.length && flags[end]) {
                end++;
            }
            if (end - i >= minRun) {
                java.util.Arrays.fill(marked, i, end, true);
            }
            i = end;
        }
        return marked;
    }
}
