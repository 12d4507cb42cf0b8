package org.solarmarket.contracts;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Delivery slots of the energy market. A market is one slot named by its start in UTC, for
 * example {@code 2026-12-04T15:00:00Z}. Slots start on multiples of the slot length counted
 * from the Unix epoch, trade while their start lies in the future and at most {@code openHorizon}
 * ahead, and close at their start.
 *
 * @param slotLength  length of a delivery slot (15 minutes by default)
 * @param openHorizon how far ahead slots are open for trading (24 hours by default)
 */
public record MarketCalendar(Duration slotLength, Duration openHorizon) {

    public static final MarketCalendar DEFAULT = new MarketCalendar(Duration.ofMinutes(15), Duration.ofHours(24));

    public MarketCalendar {
        if (slotLength.isNegative() || slotLength.isZero() || Duration.ofHours(24).toSeconds() % slotLength.toSeconds() != 0) {
            throw new IllegalArgumentException("invalid slot length " + slotLength
                    + ": it must be positive and divide 24 hours");
        }
        if (openHorizon.compareTo(slotLength) < 0) {
            throw new IllegalArgumentException("invalid open horizon " + openHorizon
                    + ": it must be at least one slot length (" + slotLength + ")");
        }
    }

    /** Returns the start of the slot that contains {@code instant}. */
    public Instant slotStartOf(Instant instant) {
        long length = slotLength.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), length) * length);
    }

    /** Returns the next slot open at {@code now}, which is the first one starting after it. */
    public Instant nextOpenSlot(Instant now) {
        return slotStartOf(now).plus(slotLength);
    }

    /** Tells whether the slot starting at {@code slotStart} accepts orders at {@code now}. */
    public boolean isOpen(Instant slotStart, Instant now) {
        return slotStart.isAfter(now) && !slotStart.isAfter(now.plus(openHorizon));
    }

    /** Tells whether {@code slotStart} is the start of a slot. */
    public boolean isSlotStart(Instant slotStart) {
        return slotStart.getNano() == 0 && slotStart.getEpochSecond() % slotLength.toSeconds() == 0;
    }

    /** Returns the market name of a slot, which is its start in UTC as ISO-8601 with {@code Z}. */
    public static String marketName(Instant slotStart) {
        return slotStart.toString();
    }

    /**
     * Parses a market name into its slot start.
     *
     * @throws IllegalArgumentException when the name is no UTC instant on a slot boundary
     */
    public Instant parseMarket(String market) {
        Instant start;
        try {
            start = java.time.OffsetDateTime.parse(market).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid market '" + market
                    + "': expected the slot start as an ISO-8601 time with offset, e.g. 2026-12-04T15:00:00Z", e);
        }
        if (!isSlotStart(start)) {
            throw new IllegalArgumentException("invalid market '" + market + "': a slot starts on a multiple of "
                    + slotLength.toMinutes() + " minutes");
        }
        return start;
    }
}
