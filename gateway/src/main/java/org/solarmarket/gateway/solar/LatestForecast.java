package org.solarmarket.gateway.solar;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.gateway.upstream.CachedLookup;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;

/** The plant's current 24-hour forecast in 15-minute steps, kept for the WebSocket's initial state. */
@ApplicationScoped
public class LatestForecast {

    static final byte[] DEFAULT_REQUEST = "{\"hours\":24,\"interval_minutes\":15}".getBytes(StandardCharsets.UTF_8);

    @Inject
    ServiceClient services;

    private final CachedLookup cache;

    LatestForecast(@ConfigProperty(name = "solarmarket.gateway.ws.forecast-cache-ttl", defaultValue = "PT5M")
                   Duration ttl) {
        this.cache = new CachedLookup(ttl);
    }

    /** Platform time: the wall clock, or the replay clock when one is configured. */
    private final Clock clock = PlatformClock.fromEnvironment();

    /**
     * Returns the forecast, or empty while forecast-service does not respond. The cache is kept per
     * 15-minute slot of platform time as well as for the TTL, because under a replay at 144x the
     * TTL of wall time would cover 12 hours of replayed weather.
     */
    public Optional<JsonNode> current() {
        Instant slot = MarketCalendar.DEFAULT.slotStartOf(clock.instant());
        return cache.get("forecast-24h-" + slot, () -> services.post(Service.FORECAST, "/api/solar/forecast",
                DEFAULT_REQUEST, Duration.ofSeconds(5)).requireSuccess());
    }
}
