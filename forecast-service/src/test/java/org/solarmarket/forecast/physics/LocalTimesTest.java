package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class LocalTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    @Test
    void gapTimeMovesForwardByGapLength() {
        // 2026-03-29: Berlin jumps from 02:00 CET to 03:00 CEST.
        ZonedDateTime resolved = LocalTimes.resolve(LocalDateTime.parse("2026-03-29T02:30"), BERLIN);
        assertEquals(LocalDateTime.parse("2026-03-29T03:30"), resolved.toLocalDateTime());
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), resolved.toInstant());
    }

    @Test
    void overlapTimeTakesEarlierInstant() {
        // 2026-10-25: Berlin goes back from 03:00 CEST to 02:00 CET, so 02:30 happens twice.
        ZonedDateTime resolved = LocalTimes.resolve(LocalDateTime.parse("2026-10-25T02:30"), BERLIN);
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), resolved.toInstant());
        ZonedDateTime parsed = LocalTimes.parseTimestamp("time", "2026-10-25T02:30[Europe/Berlin]");
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), parsed.toInstant());
    }

    @Test
    void midnightInGapStartsDayAfterGap() {
        ZonedDateTime start = LocalTimes.dayStart(LocalDate.parse("2014-09-07"), SANTIAGO);
        assertEquals(LocalDateTime.parse("2014-09-07T01:00"), start.toLocalDateTime());
        assertEquals(Instant.parse("2014-09-07T04:00:00Z"), start.toInstant());
        assertEquals(Duration.ofHours(23), SunriseSunsetCalculator.dayLength(LocalDate.parse("2014-09-07"), SANTIAGO));
    }

    @Test
    void hourAnglesDefinedOnSantiagoChangeDay() {
        Observer observer = Observer.at(-33.45, -70.6693, 570.0);
        Instant start = Instant.parse("2014-09-07T00:00:00Z");
        Instant[] times = new Instant[24];
        for (int hour = 0; hour < 24; hour++) {
            times[hour] = start.plusSeconds(3600L * hour);
        }
        SolarPosition[] positions = SolarPositionCalculator.series(times, observer);
        for (int hour = 0; hour < 24; hour++) {
            double hourAngle = positions[hour].hourAngle();
            assertTrue(hourAngle >= -180.0, "hour angle " + hourAngle + " at " + times[hour]);
            assertTrue(hourAngle < 180.0, "hour angle " + hourAngle + " at " + times[hour]);
            if (hour > 0) {
                double step = Math.IEEEremainder(hourAngle - positions[hour - 1].hourAngle(), 360.0);
                assertEquals(15.0, step, 0.1, "one hour turns the hour angle by 15° at " + times[hour]);
            }
        }
        SunDay day = SunriseSunsetCalculator.forDate(LocalDate.parse("2014-09-07"), SANTIAGO, -33.45, -70.6693, 67.0);
        assertEquals(SunDay.Type.REGULAR, day.type());
        assertEquals(LocalDate.parse("2014-09-07"), day.sunrise().orElseThrow().toLocalDate());
    }

    @Test
    void sameInstantInTwoZonesGivesSamePosition() {
        Observer observer = Observer.at(52.52, 13.40, 34.0);
        ZonedDateTime berlin = LocalTimes.parseTimestamp("time", "2026-06-21T14:00:00+02:00");
        ZonedDateTime tokyo = LocalTimes.parseTimestamp("time", "2026-06-21T21:00:00+09:00[Asia/Tokyo]");
        assertEquals(SolarPositionCalculator.position(berlin.toInstant(), observer),
                SolarPositionCalculator.position(tokyo.toInstant(), observer));
    }

    @Test
    void timestampWithoutOffsetIsRejected() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> LocalTimes.parseTimestamp("time", "2015-01-01T00:00"));
        assertEquals("time", error.field());
        assertEquals("2015-01-01T00:00", error.value());
        assertTrue(error.getMessage().contains("offset"), error.getMessage());
    }

    @Test
    void unknownZoneIsRejected() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> LocalTimes.parseTimestamp("time", "2015-01-01T00:00[Mars/Olympus_Mons]"));
        assertTrue(error.getMessage().contains("Mars/Olympus_Mons"), error.getMessage());
        assertThrows(InvalidInputException.class, () -> LocalTimes.parseZone("timezone", "Europe/Atlantis"));
    }

    @Test
    void offsetAndZoneAreAccepted() {
        assertEquals(Instant.parse("2015-01-01T07:00:00Z"),
                LocalTimes.parseTimestamp("time", "2015-01-01T00:00-07:00").toInstant());
        assertEquals(Instant.parse("2015-01-01T07:00:00Z"),
                LocalTimes.parseTimestamp("time", "2015-01-01T00:00[America/Phoenix]").toInstant());
        assertEquals(Instant.parse("2015-01-01T00:00:00Z"),
                LocalTimes.parseTimestamp("time", "2015-01-01T00:00:00Z").toInstant());
    }
}
