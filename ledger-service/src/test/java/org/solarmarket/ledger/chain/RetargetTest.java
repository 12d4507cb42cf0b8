package org.solarmarket.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetargetTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * 2016 blocks exactly 600 s apart span 2015 gaps, 1,209,000 s. Compared with 2015 x 600 s the
     * target stays as it is; the off-by-one form (2016 x 600 s) would tighten it by 2015/2016.
     */
    @Test
    void onTimeWindowKeepsTarget() {
        Retarget retarget = new Retarget(true, 2016, Duration.ofSeconds(600));
        Target previous = Target.ofLeadingZeroBits(20);
        Instant last = START.plusSeconds(2015L * 600);
        assertEquals(1_209_000, Duration.between(START, last).toSeconds());
        assertEquals(previous, retarget.next(previous, START, last));

        BigInteger offByOne = previous.value().multiply(BigInteger.valueOf(1_209_000))
                .divide(BigInteger.valueOf(1_209_600));
        assertTrue(offByOne.compareTo(previous.value()) < 0, "the off-by-one form would raise the difficulty");
    }

    @Test
    void slowBlocksEaseAndFastBlocksTighten() {
        Retarget retarget = new Retarget(true, 10, Duration.ofSeconds(30));
        Target previous = Target.ofLeadingZeroBits(16);
        Target slower = retarget.next(previous, START, START.plusSeconds(9 * 60));
        Target faster = retarget.next(previous, START, START.plusSeconds(9 * 15));
        assertEquals(previous.value().multiply(BigInteger.TWO), slower.value());
        assertEquals(previous.value().divide(BigInteger.TWO), faster.value());
    }

    @Test
    void factorIsClampedToFour() {
        Retarget retarget = new Retarget(true, 10, Duration.ofSeconds(30));
        Target previous = Target.ofLeadingZeroBits(16);
        assertEquals(previous.value().multiply(BigInteger.valueOf(4)),
                retarget.next(previous, START, START.plusSeconds(100_000)).value());
        assertEquals(previous.value().divide(BigInteger.valueOf(4)),
                retarget.next(previous, START, START).value());
    }

    @Test
    void appliesOnlyAtWindowBoundaries() {
        Retarget retarget = new Retarget(true, 10, Duration.ofSeconds(30));
        assertFalse(retarget.appliesAt(5));
        assertFalse(retarget.appliesAt(0));
        assertTrue(retarget.appliesAt(10));
        assertTrue(retarget.appliesAt(20));
        assertFalse(Retarget.OFF.appliesAt(10));
    }
}
