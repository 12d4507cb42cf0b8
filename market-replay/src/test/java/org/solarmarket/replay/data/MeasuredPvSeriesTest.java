package org.solarmarket.replay.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MeasuredPvSeriesTest {

    /** Mountain Standard Time, the site's solar-time reference. */
    private static final ZoneOffset MST = ZoneOffset.ofHours(-7);
    private static MeasuredPvSeries series;

    @BeforeAll
    static void read() throws Exception {
        Path dataDir = Path.of(System.getProperty("solarmarket.data.dir", "../../shared/data"));
        series = MeasuredPvSeries.read(dataDir.resolve("nrel_pvdaq_system50_2011_2013/system_50_ac_power_2_full_DST.csv"));
    }

    @Test
    void coversThePublishedPeriodWithoutNegativeValues() {
        // The first label, 2011-04-15 00:00, falls in daylight saving time: UTC-6.
        assertEquals(Instant.parse("2011-04-15T06:00:00Z"), series.first());
        assertTrue(series.size() > 60_000, "rows: " + series.size());
        assertTrue(series.capacityW() > 2500, "capacity " + series.capacityW());
        assertTrue(series.capacityW() < 3500, "capacity " + series.capacityW());
        assertEquals(0.0, series.powerW(Instant.parse("2011-04-15T07:00:00Z")));
    }

    @Test
    void gapsReadAsNaN() {
        // The meter has no values from 2012-05-25 13:15 to 05-29 02:30 (labels in -07:00).
        assertTrue(Double.isNaN(series.powerW(Instant.parse("2012-05-27T18:00:00Z"))));
    }

    /**
     * The power-weighted centre of the day moves smoothly with the seasons (earlier in summer for
     * this south-east facing array) and never jumps at a clock change. Read with the fixed -07:00
     * label, it would jump by about an hour at each change. Weather alone moves weekly means by up
     * to about 20 minutes.
     */
    @Test
    void dailyCentroidHasNoJumpAtClockChanges() {
        for (LocalDate change : new LocalDate[] {LocalDate.of(2011, 11, 6), LocalDate.of(2012, 3, 11),
            LocalDate.of(2012, 11, 4)}) {
            double before = meanCentroid(change.minusDays(7), change.minusDays(1));
            double after = meanCentroid(change.plusDays(1), change.plusDays(7));
            assertTrue(Math.abs(after - before) < 0.5, "clock change " + change + ": centroid " + before
                    + " h before, " + after + " h after");
        }
    }

    @Test
    void dailyCentroidStaysNearSolarNoonAllYear() {
        for (int month = 1; month <= 12; month++) {
            int year = month >= 5 ? 2011 : 2012;
            double mean = meanCentroid(LocalDate.of(year, month, 1), LocalDate.of(year, month, 28));
            assertTrue(mean > 11.0, "month " + month + ": centroid at " + mean + " h MST");
            assertTrue(mean < 12.5, "month " + month + ": centroid at " + mean + " h MST");
        }
    }

    private static double meanCentroid(LocalDate first, LocalDate last) {
        double sum = 0;
        int days = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            double centroid = centroidHourMst(day);
            if (!Double.isNaN(centroid)) {
                sum += centroid;
                days++;
            }
        }
        assertTrue(days >= 3, "only " + days + " days with data from " + first + " to " + last);
        return sum / days;
    }

    private static double centroidHourMst(LocalDate day) {
        double weighted = 0;
        double total = 0;
        Instant start = day.atStartOfDay().toInstant(MST);
        for (int quarter = 0; quarter < 96; quarter++) {
            double p = series.powerW(start.plusSeconds(quarter * 900L));
            if (Double.isNaN(p)) {
                return Double.NaN;
            }
            double midHour = quarter / 4.0 + 0.125;
            weighted += p * midHour;
            total += p;
        }
        return total > 0 ? weighted / total : Double.NaN;
    }
}
