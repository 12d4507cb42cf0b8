package org.solarmarket.contracts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * The time every service runs on: the wall clock, or a replay clock that runs a historical period
 * at a chosen speed. All processes of one platform read the same three settings, so they agree on
 * the replay time without talking to each other:
 *
 * <ul>
 *   <li>{@code SOLARMARKET_CLOCK_START}: replay time at the origin, ISO-8601 with offset;
 *       unset means the wall clock;</li>
 *   <li>{@code SOLARMARKET_CLOCK_ORIGIN}: wall-clock instant at which the replay time equals
 *       the start, ISO-8601 with offset;</li>
 *   <li>{@code SOLARMARKET_CLOCK_SPEED}: replay seconds per wall second, e.g. 144 for one day in
 *       ten minutes.</li>
 * </ul>
 *
 * Replay time is {@code start + (wall - origin) * speed}, rounded down to the millisecond.
 */
public final class PlatformClock extends Clock {

    public static final String START = "SOLARMARKET_CLOCK_START";
    public static final String ORIGIN = "SOLARMARKET_CLOCK_ORIGIN";
    public static final String SPEED = "SOLARMARKET_CLOCK_SPEED";

    private final Clock wall;
    private final Instant start;
    private final Instant origin;
    private final BigDecimal speed;

    private PlatformClock(Clock wall, Instant start, Instant origin, BigDecimal speed) {
        this.wall = wall;
        this.start = start;
        this.origin = origin;
        this.speed = speed;
    }

    /** Returns the wall clock in UTC. */
    public static PlatformClock wall() {
        return new PlatformClock(Clock.systemUTC(), null, null, BigDecimal.ONE);
    }

    /** Creates a replay clock over the given wall clock. */
    public static PlatformClock replay(Clock wall, Instant start, Instant origin, BigDecimal speed) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(origin, "origin");
        if (speed.signum() <= 0) {
            throw new IllegalArgumentException("invalid " + SPEED + " " + speed + ": it must be greater than zero");
        }
        return new PlatformClock(wall, start, origin, speed);
    }

    /**
     * Reads the clock settings from a map of environment variables (or system properties with the
     * same names).
     *
     * @throws IllegalArgumentException when a setting is present but invalid
     */
    public static PlatformClock fromSettings(Map<String, String> settings) {
        String startText = settings.get(START);
        if (startText == null || startText.isBlank()) {
            return wall();
        }
        Instant start = parseInstant(START, startText);
        String originText = settings.get(ORIGIN);
        if (originText == null || originText.isBlank()) {
            throw new IllegalArgumentException(ORIGIN + " is missing: a replay clock needs the wall-clock instant at "
                    + "which replay time equals " + START);
        }
        Instant origin = parseInstant(ORIGIN, originText);
        String speedText = settings.getOrDefault(SPEED, "1");
        BigDecimal speed;
        try {
            speed = new BigDecimal(speedText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + SPEED + " '" + speedText + "': expected a number", e);
        }
        return replay(Clock.systemUTC(), start, origin, speed);
    }

    /** Reads the settings from the process environment, then from system properties. */
    public static PlatformClock fromEnvironment() {
        Map<String, String> settings = new java.util.HashMap<>();
        for (String key : new String[] {START, ORIGIN, SPEED}) {
            String value = System.getenv(key);
            if (value == null) {
                value = System.getProperty(key);
            }
            if (value != null) {
                settings.put(key, value);
            }
        }
        return fromSettings(settings);
    }

    public boolean isReplay() {
        return start != null;
    }

    /** Replay seconds per wall second; 1 for the wall clock. */
    public BigDecimal speed() {
        return speed;
    }

    /** Converts a span of platform time into the wall-clock time it takes. */
    public Duration wallDurationOf(Duration platformDuration) {
        if (!isReplay()) {
            return platformDuration;
        }
        BigDecimal nanos = new BigDecimal(platformDuration.toNanos()).divide(speed, 0, java.math.RoundingMode.CEILING);
        return Duration.ofNanos(nanos.longValueExact());
    }

    @Override
    public Instant instant() {
        Instant now = wall.instant();
        if (!isReplay()) {
            return now;
        }
        long elapsedMillis = Duration.between(origin, now).toMillis();
        long replayMillis = speed.multiply(BigDecimal.valueOf(elapsedMillis)).longValue();
        return start.plusMillis(replayMillis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the platform clock is UTC; convert at the edges");
    }

    @Override
    public String toString() {
        return isReplay() ? "replay clock from " + start + " at " + speed.toPlainString() + "x since " + origin
                : "wall clock (UTC)";
    }

    private static Instant parseInstant(String name, String text) {
        try {
            return java.time.OffsetDateTime.parse(text.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("invalid " + name + " '" + text
                    + "': expected an ISO-8601 time with offset, e.g. 2012-07-10T06:00:00-07:00", e);
        }
    }
}
