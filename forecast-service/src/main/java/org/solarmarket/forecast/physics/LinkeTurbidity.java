package org.solarmarket.forecast.physics;

import java.time.Instant;
import java.time.ZoneOffset;
import org.solarmarket.forecast.plant.PlantConfig;

/**
 * Daily Linke turbidity from a plant's twelve monthly values. Each monthly value is placed at the
 * middle of its month, and the days between are interpolated linearly, wrapping from December to
 * January. So the clear-sky curve has no step at a month boundary.
 */
public final class LinkeTurbidity {

    /** Day of year (non-leap) at the middle of each month. */
    private static final double[] MID_MONTH_DAY = {
        16.0, 45.5, 75.0, 105.5, 136.0, 166.5, 197.0, 228.0, 258.5, 289.0, 319.5, 350.0,
    };

    private LinkeTurbidity() {
    }

    /** Returns the Linke turbidity [unitless] of the instant's UTC day of year. */
    public static double at(PlantConfig plant, Instant time) {
        return at(plant.linkeTurbidityByMonth(), time.atZone(ZoneOffset.UTC).getDayOfYear());
    }

    /** Returns the interpolated Linke turbidity [unitless] for a day of year (1 to 366). */
    public static double at(double[] monthly, double dayOfYear) {
        double day = Math.min(dayOfYear, 365.0);
        int previous;
        int next;
        double startDay;
        double endDay;
        if (day < MID_MONTH_DAY[0] || day >= MID_MONTH_DAY[11]) {
            // Between mid-December and mid-January.
            previous = 11;
            next = 0;
            startDay = day < MID_MONTH_DAY[0] ? MID_MONTH_DAY[11] - 365.0 : MID_MONTH_DAY[11];
            endDay = startDay + (365.0 - MID_MONTH_DAY[11] + MID_MONTH_DAY[0]);
        } else {
            previous = 0;
            while (MID_MONTH_DAY[previous + 1] <= day) {
                previous++;
            }
            next = previous + 1;
            startDay = MID_MONTH_DAY[previous];
            endDay = MID_MONTH_DAY[next];
        }
        double fraction = (day - startDay) / (endDay - startDay);
        return monthly[previous] + fraction * (monthly[next] - monthly[previous]);
    }
}
