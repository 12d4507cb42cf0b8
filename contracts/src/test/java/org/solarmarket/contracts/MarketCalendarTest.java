package org.solarmarket.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketCalendarTest {

    private final MarketCalendar calendar = MarketCalendar.DEFAULT;

    @Test
    void nextOpenSlotIsTheFollowingQuarterHour() {
        assertEquals(Instant.parse("2026-12-04T15:15:00Z"),
                calendar.nextOpenSlot(Instant.parse("2026-12-04T15:00:00Z")));
        assertEquals(Instant.parse("2026-12-04T15:15:00Z"),
                calendar.nextOpenSlot(Instant.parse("2026-12-04T15:14:59.999Z")));
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"),
                calendar.nextOpenSlot(Instant.parse("2026-12-04T23:50:00Z")));
    }

    @Test
    void slotOpenUntilStartWithinOneDay() {
        Instant now = Instant.parse("2026-12-04T15:07:00Z");
        assertFalse(calendar.isOpen(Instant.parse("2026-12-04T15:00:00Z"), now));
        assertTrue(calendar.isOpen(Instant.parse("2026-12-04T15:15:00Z"), now));
        assertTrue(calendar.isOpen(Instant.parse("2026-12-05T15:00:00Z"), now));
        assertFalse(calendar.isOpen(Instant.parse("2026-12-05T15:15:00Z"), now));
    }

    @Test
    void marketNamesWithOffsetsMapToUtcSlots() {
        assertEquals(Instant.parse("2026-12-04T15:00:00Z"), calendar.parseMarket("2026-12-04T16:00:00+01:00"));
        assertThrows(IllegalArgumentException.class, () -> calendar.parseMarket("2026-12-04T15:00:00"));
        assertThrows(IllegalArgumentException.class, () -> calendar.parseMarket("2026-12-04T15:05:00Z"));
    }

    @Test
    void slotLengthMustDivideADay() {
        assertThrows(IllegalArgumentException.class,
                () -> new MarketCalendar(Duration.ofMinutes(7), Duration.ofHours(24)));
        assertThrows(IllegalArgumentException.class,
                () -> new MarketCalendar(Duration.ZERO, Duration.ofHours(24)));
    }
}
