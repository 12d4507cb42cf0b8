package org.solarmarket.gateway.health;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;

/**
 * {@code GET /health}: the readiness of the gateway and of every service behind it, read from
 * their {@code /q/health/ready} endpoints.
 */
@Path("/health")
public class PlatformHealthResource {

    private static final Logger LOG = Logger.getLogger(PlatformHealthResource.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @ConfigProperty(name = "solarmarket.services.forecast.url")
    String forecastUrl;

    @ConfigProperty(name = "solarmarket.services.trading.url")
    String tradingUrl;

    @ConfigProperty(name = "solarmarket.services.ledger.url")
    String ledgerUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, CompletableFuture<String>> checks = new LinkedHashMap<>();
        checks.put("forecast-service", check(forecastUrl));
        checks.put("trading-service", check(tradingUrl));
        checks.put("ledger-service", check(ledgerUrl));
        Map<String, String> services = new LinkedHashMap<>();
        services.put("gateway", "UP");
        checks.forEach((name, future) -> services.put(name, future.join()));
        boolean allUp = services.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = Map.of("status", allUp ? "UP" : "DOWN", "services", services);
        return Response.status(allUp ? 200 : 503).entity(body).build();
    }

    private CompletableFuture<String> check(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(TIMEOUT)
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(PlatformHealthResource::statusOf)
                .exceptionally(failure -> {
                    LOG.debugf("Health check of %s failed: %s", baseUrl, failure.toString());
                    return "DOWN";
                });
    }

    private static String statusOf(HttpResponse<byte[]> response) {
        try {
            JsonNode body = Json.mapper().readTree(response.body());
            return body.path("status").asText("DOWN");
        } catch (IOException e) {
            return "DOWN";
        }
    }
}
