package org.solarmarket.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A short-lived cache of optional upstream responses, so that many WebSocket clients connecting at
 * once cost one call per key and interval. A failed call is cached as absent for the same time.
 */
public final class CachedLookup {

    private static final Logger LOG = Logger.getLogger(CachedLookup.class);
    private static final int MAX_KEYS = 1_000;

    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Optional<JsonNode> value, long expiresAtNanos) {
    }

    public CachedLookup(Duration ttl) {
        this.ttl = ttl;
    }

    /** Returns the cached response for {@code key}, calling {@code lookup} when it is missing or stale. */
    public Optional<JsonNode> get(String key, Supplier<JsonNode> lookup) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAtNanos() - now > 0) {
            return entry.value();
        }
        Optional<JsonNode> value;
        try {
            value = Optional.ofNullable(lookup.get());
        } catch (RuntimeException e) {
            LOG.debugf("[%s] Lookup failed, cached as absent for %s: %s", key, ttl, e.getMessage());
            value = Optional.empty();
        }
        if (entries.size() >= MAX_KEYS) {
            entries.clear();
        }
        entries.put(key, new Entry(value, now + ttl.toNanos()));
        return value;
    }
}
