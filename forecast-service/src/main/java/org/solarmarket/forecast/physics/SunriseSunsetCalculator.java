package org.solarmarket.forecast.physics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sunrise, sunset and transit for a local calendar day.
 *
 * <p>Definitions follow NREL SPA appendix A.2: sunrise and sunset are the instants the geocentric
 * elevation of the Sun's centre equals {@value #SUNRISE_ELEVATION}° (0.5667° refraction plus the Sun's
 * 0.26667° radius), and transit is the instant the local hour angle is 0. Unlike SPA's single-step
 * interpolation, the events are found as roots: the day is sampled every
 * {@value #SAMPLE_MINUTES} minutes, each sign change is refined by bisection to a millisecond, and
 * each near-horizon minimum or maximum between samples is searched as well, so a Sun that dips just
 * below the horizon near midnight at high latitude yields both events.
 *
 * <p>The day is the local calendar date in the given zone, from its first instant (after a DST gap at
 * midnight, the first valid local time) to the first instant of the next date. Events are reported
 * only if they fall inside it, so the result never depends on the JVM's default zone or on the UTC
 * date.
 */
public final class SunriseSunsetCalculator {

    /** Geocentric elevation of the Sun's centre at sunrise and sunset [°]. */
    public static final double SUNRISE_ELEVATION = -(SolarPositionCalculator.HORIZON_REFRACTION
            + SolarPositionCalculator.SUN_RADIUS);
    static final int SAMPLE_MINUTES = 10;
    /** An extremum between samples closer than this to the horizon [°] is searched for crossings. */
    private static final double NEAR_HORIZON = 1.0;
    private static final double TOLERANCE_DAYS = 0.001 / 86400.0;

    private SunriseSunsetCalculator() {
    }

    /**
     * Computes the events of the local date of a zoned time, with delta T estimated from that date,
     * so every query time of one day gives the same result.
     */
    public static SunDay forDayOf(ZonedDateTime time, double latitude, double longitude) {
        LocalDate date = time.toLocalDate();
        double year = date.getYear() + (date.getDayOfYear() - 0.5) / date.lengthOfYear();
        return forDayOf(time, latitude, longitude, DeltaT.estimate(year));
    }

    /** Computes the events of the local date of a zoned time: the date as written in that zone. */
    public static SunDay forDayOf(ZonedDateTime time, double latitude, double longitude, double deltaTSeconds) {
        return forDate(time.toLocalDate(), time.getZone(), latitude, longitude, deltaTSeconds);
    }

    /**
     * Computes the events of a local calendar date.
     *
     * @param date          the local date
     * @param zone          the zone that defines the date
     * @param latitude      latitude [°], north positive
     * @param longitude     longitude [°], east positive
     * @param deltaTSeconds TT - UT [s]
     */
    public static SunDay forDate(LocalDate date, ZoneId zone, double latitude, double longitude,
            double deltaTSeconds) {
        InvalidInputException.requireInRange("latitude", latitude, -90.0, 90.0);
        InvalidInputException.requireInRange("longitude", longitude, -180.0, 180.0);
        Instant start = LocalTimes.dayStart(date, zone).toInstant();
        Instant end = LocalTimes.dayStart(date.plusDays(1), zone).toInstant();
        Day day = new Day(SunEphemeris.julianDay(start), SunEphemeris.julianDay(end), latitude, longitude,
                deltaTSeconds);

        List<ZonedDateTime> sunrises = new ArrayList<>();
        List<ZonedDateTime> sunsets = new ArrayList<>();
        for (double root : day.horizonCrossings()) {
            ZonedDateTime event = day.toZoned(root, zone);
            if (day.elevationAboveHorizon(root + 1.0 / 1440.0) > day.elevationAboveHorizon(root - 1.0 / 1440.0)) {
                sunrises.add(event);
            } else {
                sunsets.add(event);
            }
        }
        OptionalDouble transit = day.transit();
        Optional<ZonedDateTime> transitTime = transit.isPresent()
                ? Optional.of(day.toZoned(transit.value(), zone)) : Optional.empty();
        double transitElevation = transit.isPresent()
                ? day.elevationAboveHorizon(transit.value()) + SUNRISE_ELEVATION : Double.NaN;

        SunDay.Type type = SunDay.Type.REGULAR;
        if (sunrises.isEmpty() && sunsets.isEmpty()) {
            type = day.elevationAboveHorizon(day.startJd) > 0.0 ? SunDay.Type.POLAR_DAY : SunDay.Type.POLAR_NIGHT;
        }
        return new SunDay(date, zone, type, sunrises, sunsets, transitTime, transitElevation);
    }

    /** A nullable double without boxing. */
    private record OptionalDouble(boolean isPresent, double value) {
    }

    /** The geocentric Sun over one local day. */
    private static final class Day {
        private final double startJd;
        private final double endJd;
        private final double latitude;
        private final double longitude;
        private final double deltaTDays;
        private final SolarPositionCalculator.EphemerisInterpolator ephemeris =
                new SolarPositionCalculator.EphemerisInterpolator();

        Day(double startJd, double endJd, double latitude, double longitude, double deltaTSeconds) {
            this.startJd = startJd;
            this.endJd = endJd;
            this.latitude = latitude;
            this.longitude = longitude;
            this.deltaTDays = deltaTSeconds / 86400.0;
        }

        double elevationAboveHorizon(double jd) {
            GeocentricSun sun = ephemeris.at(jd + deltaTDays);
            return SolarPositionCalculator.geocentricAltitude(jd, sun, latitude, longitude) - SUNRISE_ELEVATION;
        }

        /** Returns the hour angle [°] wrapped to (-180, 180]. */
        double hourAngle(double jd) {
            GeocentricSun sun = ephemeris.at(jd + deltaTDays);
            double h = SolarPositionCalculator.localHourAngle(jd, sun, longitude);
            return h > 180.0 ? h - 360.0 : h;
        }

        double[] samples() {
            int count = (int) Math.ceil((endJd - startJd) * 1440.0 / SAMPLE_MINUTES);
            double[] times = new double[count + 1];
            for (int i = 0; i < count; i++) {
                times[i] = startJd + i * SAMPLE_MINUTES / 1440.0;
            }
            times[count] = endJd;
            return times;
        }

        List<Double> horizonCrossings() {
            double[] times = samples();
            double[] values = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                values[i] = elevationAboveHorizon(times[i]);
            }
            List<Double> roots = new ArrayList<>();
            for (int i = 0; i + 1 < times.length; i++) {
                if (i > 0 && isNearHorizonExtremum(values[i - 1], values[i], values[i + 1])) {
                    addExtremumCrossings(times[i - 1], times[i + 1], values[i], roots);
                }
                if (signOf(values[i]) != signOf(values[i + 1])) {
                    addRoot(bisect(times[i], times[i + 1], values[i]), roots);
                }
            }
            roots.removeIf(root -> root < startJd || root >= endJd);
            roots.sort(Double::compare);
            return roots;
        }

        private static boolean isNearHorizonExtremum(double before, double middle, double after) {
            boolean extremum = (middle <= before && middle <= after) || (middle >= before && middle >= after);
            boolean noSignChange = signOf(before) == signOf(middle) && signOf(middle) == signOf(after);
            return extremum && noSignChange && Math.abs(middle) < NEAR_HORIZON;
        }

        /** Finds the extremum between two samples by golden-section search and the crossings around it. */
        private void addExtremumCrossings(double left, double right, double middleValue, List<Double> roots) {
            boolean minimum = middleValue > 0.0;
            double ratio = (Math.sqrt(5.0) - 1.0) / 2.0;
            double a = left;
            double b = right;
            while (b - a > TOLERANCE_DAYS) {
                double c = b - ratio * (b - a);
                double d = a + ratio * (b - a);
                double fc = elevationAboveHorizon(c);
                double fd = elevationAboveHorizon(d);
                if (minimum ? fc < fd : fc > fd) {
                    b = d;
                } else {
                    a = c;
                }
            }
            double extremum = (a + b) / 2.0;
            double value = elevationAboveHorizon(extremum);
            if (signOf(value) != signOf(middleValue)) {
                addRoot(bisect(left, extremum, elevationAboveHorizon(left)), roots);
                addRoot(bisect(extremum, right, value), roots);
            }
        }

        private static void addRoot(double root, List<Double> roots) {
            for (double existing : roots) {
                if (Math.abs(existing - root) < 1.0 / 86400.0) {
                    return;
                }
            }
            roots.add(root);
        }

        private double bisect(double left, double right, double leftValue) {
            boolean leftSign = signOf(leftValue);
            double a = left;
            double b = right;
            while (b - a > TOLERANCE_DAYS) {
                double middle = (a + b) / 2.0;
                if (signOf(elevationAboveHorizon(middle)) == leftSign) {
                    a = middle;
                } else {
                    b = middle;
                }
            }
            return (a + b) / 2.0;
        }

        OptionalDouble transit() {
            double[] times = samples();
            double previous = hourAngle(times[0]);
            for (int i = 1; i < times.length; i++) {
                double current = hourAngle(times[i]);
                // The hour angle grows about 2.5° per 10 minutes; a jump from +180 to -180 is lower culmination.
                if (previous < 0.0 && current >= 0.0 && current - previous < 90.0) {
                    double a = times[i - 1];
                    double b = times[i];
                    while (b - a > TOLERANCE_DAYS) {
                        double middle = (a + b) / 2.0;
                        if (hourAngle(middle) < 0.0) {
                            a = middle;
                        } else {
                            b = middle;
                        }
                    }
                    double root = (a + b) / 2.0;
                    if (root >= startJd && root < endJd) {
                        return new OptionalDouble(true, root);
                    }
                }
                previous = current;
            }
            return new OptionalDouble(false, Double.NaN);
        }

        ZonedDateTime toZoned(double jd, ZoneId zone) {
            double seconds = (jd - SunEphemeris.UNIX_EPOCH_JULIAN_DAY) * 86400.0;
            long millis = Math.round(seconds * 1000.0);
            return Instant.ofEpochMilli(millis).atZone(zone);
        }

        private static boolean signOf(double value) {
            return value > 0.0;
        }
    }

    /** Returns the length of a local calendar day, which differs from 24 h on DST change days. */
    public static Duration dayLength(LocalDate date, ZoneId zone) {
        return Duration.between(LocalTimes.dayStart(date, zone), LocalTimes.dayStart(date.plusDays(1), zone));
    }
}
