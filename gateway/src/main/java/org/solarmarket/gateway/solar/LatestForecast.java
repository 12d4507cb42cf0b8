package org.solarmarket.gateway.solar;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    /** Returns the forecast, or empty while forecast-service does not respond. */
    public Optional<JsonNode> current() {
        return cache.get("forecast-24h", () -> services.post(Service.FORECAST, "/api/solar/forecast",
                DEFAULT_REQUEST, Duration.ofSeconds(5)).requireSuccess());
    }
}
