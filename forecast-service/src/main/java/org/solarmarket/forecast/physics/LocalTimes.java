package org.solarmarket.forecast.physics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;

/**
 * Rules for turning local wall-clock times into instants. Inside the service time is always a UTC
 * {@link Instant}; zones appear only at the edges.
 *
 * <ul>
 *   <li>A timestamp must carry an offset ({@code 2015-01-01T00:00-07:00}, {@code ...Z}) or a zone id in
 *       brackets ({@code 2015-01-01T00:00[America/Phoenix]}). A bare local time is rejected, because
 *       it does not name an instant.</li>
 *   <li>If both an offset and a zone are given, the offset wins (it names the instant exactly).</li>
 *   <li>A local time that does not exist, because a DST gap skips it, is moved forward by the length
 *       of the gap: 02:30 on a day that jumps from 02:00 to 03:00 becomes 03:30 in the new offset.</li>
 *   <li>A local time that happens twice, in a DST overlap, takes the earlier of the two instants
 *       (the offset in force before the change).</li>
 *   <li>A local calendar day starts at its first valid instant: where midnight falls in a gap (for
 *       example America/Santiago on 2014-09-07), the day starts at the end of the gap, 01:00.</li>
 * </ul>
 */
public final class LocalTimes {

    private LocalTimes() {
    }

    /** Returns the first instant of a local date in a zone. */
    public static ZonedDateTime dayStart(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone);
    }

    /** Resolves a local date-time in a zone by the gap and overlap rules above. */
    public static ZonedDateTime resolve(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isOverlap()) {
            return ZonedDateTime.ofStrict(local, transition.getOffsetBefore(), zone);
        }
        // ZonedDateTime.of moves a time inside a gap forward by the gap length.
        return ZonedDateTime.of(local, zone);
    }

    /**
     * Parses an ISO-8601 timestamp with an offset, a zone id in brackets, or both.
     *
     * @param field the request field, named in the error
     * @param text  the timestamp
     * @return the time in its zone (or fixed offset)
     * @throws InvalidInputException if the text has neither offset nor zone, names an unknown zone or is
     *                               not ISO-8601
     */
    public static ZonedDateTime parseTimestamp(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, text, "a timestamp with an offset or zone is required, e.g. "
                    + "2026-06-21T12:00:00+02:00 or 2026-06-21T12:00:00[Europe/Berlin]");
        }
        String value = text.trim();
        String zoneText = null;
        int bracket = value.indexOf('[');
        if (bracket >= 0) {
            if (!value.endsWith("]")) {
                throw new InvalidInputException(field, text, "the zone id must be closed by ']'");
            }
            zoneText = value.substring(bracket + 1, value.length() - 1);
            value = value.substring(0, bracket);
        }
        ZoneId zone = null;
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw new InvalidInputException(field, text, "unknown time zone '" + zoneText
                        + "'; use an IANA zone id such as Europe/Berlin");
            }
        }
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(value);
            return zone == null ? withOffset.toZonedDateTime() : withOffset.atZoneSameInstant(zone);
        } catch (DateTimeParseException withoutOffset) {
            if (zone == null) {
                try {
                    LocalDateTime.parse(value);
                } catch (DateTimeParseException notIso) {
                    throw new InvalidInputException(field, text, "not an ISO-8601 timestamp, e.g. "
                            + "2026-06-21T12:00:00Z");
                }
                throw new InvalidInputException(field, text, "the timestamp needs an offset or zone id, e.g. "
                        + value + "Z or " + value + "+02:00 or " + value + "[Europe/Berlin]");
            }
            try {
                return resolve(LocalDateTime.parse(value), zone);
            } catch (DateTimeParseException notIso) {
                throw new InvalidInputException(field, text, "not an ISO-8601 timestamp, e.g. 2026-06-21T12:00:00Z");
            }
        }
    }

    /** Parses an IANA zone id or a fixed offset such as +02:00. */
    public static ZoneId parseZone(String field, String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidInputException(field, text, "unknown time zone; use an IANA zone id such as "
                    + "Europe/Berlin or an offset such as +02:00");
        }
    }
}
