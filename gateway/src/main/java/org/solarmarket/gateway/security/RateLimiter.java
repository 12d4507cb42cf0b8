package org.solarmarket.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Request rate limits per client address and per bearer token, as token buckets. Token buckets
 * are keyed by the token's SHA-256 digest, so unknown and invalid tokens are limited as well
 * without the limiter holding any token.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final int MAX_BUCKETS = 100_000;

    @ConfigProperty(name = "solarmarket.gateway.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "solarmarket.gateway.rate-limit.per-address.rate", defaultValue = "500")
    double addressRate;

    @ConfigProperty(name = "solarmarket.gateway.rate-limit.per-address.burst", defaultValue = "1000")
    double addressBurst;

    @ConfigProperty(name = "solarmarket.gateway.rate-limit.per-token.rate", defaultValue = "200")
    double tokenRate;

    @ConfigProperty(name = "solarmarket.gateway.rate-limit.per-token.burst", defaultValue = "400")
    double tokenBurst;

    private final Map<String, TokenBucket> addressBuckets = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> tokenBuckets = new ConcurrentHashMap<>();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * Takes a permit for a request from {@code address}, with {@code token} when it carries one.
     *
     * @return 0 when the request may proceed, otherwise the seconds the client should wait
     */
    public long acquire(String address, String token) {
        if (!enabled) {
            return 0;
        }
        long now = System.nanoTime();
        long wait = bucket(addressBuckets, address, addressRate, addressBurst, now).tryAcquire(now);
        if (wait == 0 && token != null) {
            wait = bucket(tokenBuckets, Secrets.fingerprint(token), tokenRate, tokenBurst, now).tryAcquire(now);
        }
        if (wait > 0 && rejected.incrementAndGet() % 1000 == 1) {
            LOG.warnf("Rate limit reached by address %s (%d requests rejected so far)", address, rejected.get());
        }
        return wait;
    }

    /** Returns the number of requests rejected since start. */
    public long rejectedCount() {
        return rejected.get();
    }

    private static TokenBucket bucket(Map<String, TokenBucket> buckets, String key, double rate, double burst,
                                      long now) {
        TokenBucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_BUCKETS) {
            // Full buckets carry no state, so dropping them cannot let anyone exceed the limit.
            buckets.values().removeIf(existing -> existing.isFull(now));
        }
        return buckets.computeIfAbsent(key, ignored -> new TokenBucket(rate, burst, now));
    }
}
