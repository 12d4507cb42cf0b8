package org.solarmarket.gateway.security;

/**
 * A token bucket: it holds at most {@code burst} permits and refills at {@code ratePerSecond}.
 * Callers synchronize on the bucket.
 */
final class TokenBucket {

    private final double ratePerSecond;
    private final double burst;
    private double permits;
    private long refilledAtNanos;

    TokenBucket(double ratePerSecond, double burst, long nowNanos) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.permits = burst;
        this.refilledAtNanos = nowNanos;
    }

    /**
     * Takes one permit.
     *
     * @return 0 when a permit was taken, otherwise the whole seconds until one is available (at least 1)
     */
    synchronized long tryAcquire(long nowNanos) {
        refill(nowNanos);
        if (permits >= 1) {
            permits -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - permits) / ratePerSecond));
    }

    /** Returns whether the bucket is full again, so that forgetting it changes nothing. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return permits >= burst;
    }

    private void refill(long nowNanos) {
        double elapsedSeconds = (nowNanos - refilledAtNanos) / 1e9;
        if (elapsedSeconds > 0) {
            permits = Math.min(burst, permits + elapsedSeconds * ratePerSecond);
            refilledAtNanos = nowNanos;
        }
    }
}
