package org.solarmarket.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformClockTest {

    @Test
    void replayRunsOneDayInTenMinutesAtSpeed144() {
        Instant origin = Instant.parse("2026-12-04T12:00:00Z");
        Instant start = Instant.parse("2012-07-10T13:00:00Z");
        Clock wall = Clock.fixed(origin.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        PlatformClock clock = PlatformClock.replay(wall, start, origin, new BigDecimal("144"));
        assertEquals(start.plus(Duration.ofDays(1)), clock.instant());
        assertEquals(Duration.ofMillis(6250), clock.wallDurationOf(Duration.ofMinutes(15)));
    }

    @Test
    void settingsWithoutStartGiveTheWallClock() {
        PlatformClock clock = PlatformClock.fromSettings(Map.of());
        assertFalse(clock.isReplay());
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().toSeconds() < 5);
    }

    @Test
    void badSettingsNameTheVariable() {
        IllegalArgumentException noOrigin = assertThrows(IllegalArgumentException.class,
                () -> PlatformClock.fromSettings(Map.of(PlatformClock.START, "2012-07-10T06:00:00-07:00")));
        assertTrue(noOrigin.getMessage().contains(PlatformClock.ORIGIN), noOrigin.getMessage());
        IllegalArgumentException naive = assertThrows(IllegalArgumentException.class,
                () -> PlatformClock.fromSettings(Map.of(PlatformClock.START, "2012-07-10T06:00:00",
                        PlatformClock.ORIGIN, "2026-12-04T12:00:00Z")));
        assertTrue(naive.getMessage().contains("2012-07-10T06:00:00"), naive.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PlatformClock.fromSettings(Map.of(PlatformClock.START, "2012-07-10T06:00:00Z",
                        PlatformClock.ORIGIN, "2026-12-04T12:00:00Z", PlatformClock.SPEED, "-2")));
    }
}
