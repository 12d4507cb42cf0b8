package org.solarmarket.forecast.physics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Sunrise, transit and sunset of one local calendar day.
 *
 * <p>Near the polar circles the Sun can set and rise again within one day, or rise after it set, so
 * the day contains lists of events in time order. {@link #sunrise()} and {@link #sunset()} give the
 * first sunrise and the last sunset of the day.
 *
 * @param date              the local calendar date
 * @param zone              the zone that defines the day
 * @param type              whether the Sun crosses the horizon on this day
 * @param sunrises          instants the Sun's upper limb rises above the horizon, in time order
 * @param sunsets           instants it sets, in time order
 * @param transit           upper culmination (local hour angle 0) within the day, if any
 * @param transitElevation  geocentric elevation of the Sun's centre at transit [°], without refraction;
 *                          NaN when the day has no transit
 */
public record SunDay(
        LocalDate date,
        ZoneId zone,
        Type type,
        List<ZonedDateTime> sunrises,
        List<ZonedDateTime> sunsets,
        Optional<ZonedDateTime> transit,
        double transitElevation) {

    /** Kind of day. */
    public enum Type {
        /** The Sun rises or sets at least once. */
        REGULAR,
        /** The Sun stays above the horizon all day (midnight sun). */
        POLAR_DAY,
        /** The Sun stays below the horizon all day. */
        POLAR_NIGHT
    }

    public SunDay {
        sunrises = List.copyOf(sunrises);
        sunsets = List.copyOf(sunsets);
    }

    /** Returns the first sunrise of the day, if the Sun rises on this day. */
    public Optional<ZonedDateTime> sunrise() {
        return sunrises.isEmpty() ? Optional.empty() : Optional.of(sunrises.get(0));
    }

    /** Returns the last sunset of the day, if the Sun sets on this day. */
    public Optional<ZonedDateTime> sunset() {
        return sunsets.isEmpty() ? Optional.empty() : Optional.of(sunsets.get(sunsets.size() - 1));
    }
}
