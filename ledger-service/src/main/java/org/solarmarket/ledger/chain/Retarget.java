package org.solarmarket.ledger.chain;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/**
 * Difficulty retargeting toward a block interval. Every {@code window} blocks the target is scaled
 * by the time the last {@code window} blocks took over the time they should have taken. Those
 * blocks span {@code window - 1} gaps, so the expected time is {@code (window - 1) * interval};
 * comparing with {@code window * interval} instead would raise the difficulty by window/(window-1)
 * even when every block is exactly on time. The factor is clamped to [1/4, 4] per step.
 */
public record Retarget(boolean enabled, int window, Duration blockInterval) {

    private static final int MAX_FACTOR = 4;

    public Retarget {
        if (enabled && window < 2) {
            throw new IllegalArgumentException("invalid retarget window " + window + ": it must be at least 2 blocks");
        }
        if (enabled && (blockInterval.isNegative() || blockInterval.isZero())) {
            throw new IllegalArgumentException("invalid target block interval " + blockInterval
                    + ": it must be positive");
        }
    }

    public static final Retarget OFF = new Retarget(false, 0, Duration.ZERO);

    /** Whether the block at {@code index} starts a new window and so gets a recomputed target. */
    public boolean appliesAt(long index) {
        return enabled && index >= window && index % window == 0;
    }

    /**
     * The target after a window whose first block has timestamp {@code first} and whose last
     * ({@code window}-th) block has timestamp {@code last}.
     */
    public Target next(Target previous, Instant first, Instant last) {
        long gaps = window - 1L;
        BigInteger expectedMillis = BigInteger.valueOf(blockInterval.toMillis()).multiply(BigInteger.valueOf(gaps));
        BigInteger actualMillis = BigInteger.valueOf(Math.max(0, Duration.between(first, last).toMillis()));
        BigInteger min = expectedMillis.divide(BigInteger.valueOf(MAX_FACTOR));
        BigInteger max = expectedMillis.multiply(BigInteger.valueOf(MAX_FACTOR));
        actualMillis = actualMillis.max(min.max(BigInteger.ONE)).min(max);
        // A longer span than expected means blocks came too slowly: raise the target (easier).
        BigInteger scaled = previous.value().multiply(actualMillis).divide(expectedMillis);
        return Target.ofValue(scaled.min(Target.MAX_VALUE).max(BigInteger.ONE));
    }
}
