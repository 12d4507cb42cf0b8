package org.solarmarket.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.gateway.problem.ApiException;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;
import org.solarmarket.gateway.upstream.UpstreamReply;

/**
 * Resolves wallet tokens to their user ids through ledger-service ({@code POST /wallet/authenticate})
 * and enforces the owner rule of wallet-bound calls. Results are cached briefly under the token's
 * SHA-256 digest; neither the cache nor the log ever contains a token. While ledger-service is
 * unavailable, a token it accepted within {@code solarmarket.gateway.token-stale-grace} still
 * authenticates, so trading goes on through a ledger restart. The ledger has no way to revoke a
 * token, so an accepted token stays valid.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);
    private static final int MAX_CACHED = 10_000;
    private static final String REJECTED = "";

    @Inject
    ServiceClient services;

    @ConfigProperty(name = "solarmarket.gateway.token-cache-ttl", defaultValue = "PT30S")
    Duration ttl;

    @ConfigProperty(name = "solarmarket.gateway.token-stale-grace", defaultValue = "PT10M")
    Duration staleGrace;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(String userId, Instant expires) {
    }

    /**
     * Returns the user id that owns the request's bearer token.
     *
     * @throws ApiException 401 when the header is missing or no wallet owns the token
     */
    public String authenticate(String authorizationHeader) {
        String token = BearerToken.from(authorizationHeader).orElseThrow(() -> ApiException.unauthorized(
                "this call needs the wallet's token: send 'Authorization: Bearer <api_token>'"));
        return userOf(token).orElseThrow(() -> ApiException.unauthorized(
                "the bearer token belongs to no wallet; use the api_token returned by POST /wallet"));
    }

    /**
     * Checks that the request's token belongs to {@code userId}.
     *
     * @throws ApiException 401 without a valid token, 403 when the token belongs to another wallet
     */
    public void requireOwner(String authorizationHeader, String userId, String field) {
        String owner = authenticate(authorizationHeader);
        if (!owner.equals(userId)) {
            LOG.debugf("[wallet %s] Rejected a call for %s made with another wallet's token", owner, userId);
            throw ApiException.forbidden("the bearer token belongs to another wallet than " + field + " '"
                    + userId + "'", field, userId);
        }
    }

    /** Returns the owner of a token, or empty when the ledger rejects it. */
    public Optional<String> userOf(String token) {
        String key = Secrets.fingerprint(token);
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.userId().equals(REJECTED) ? Optional.empty() : Optional.of(cached.userId());
        }
        String userId;
        try {
            UpstreamReply reply = services.post(Service.LEDGER, "/wallet/authenticate",
                    Json.write(Map.of("api_token", token)));
            if (reply.status() == 401 || reply.status() == 403 || reply.status() == 404) {
                userId = REJECTED;
            } else {
                userId = reply.requireSuccess().path("user_id").asText(REJECTED);
            }
        } catch (ApiException e) {
            if (e.status() >= 500 && cached != null && !cached.userId().equals(REJECTED)
                    && cached.expires().plus(staleGrace).isAfter(now)) {
                LOG.warnf("[wallet %s] ledger-service unavailable (%s); using the token's earlier result",
                        cached.userId(), e.getMessage());
                return Optional.of(cached.userId());
            }
            throw e;
        }
        remember(key, userId, now);
        return userId.equals(REJECTED) ? Optional.empty() : Optional.of(userId);
    }

    private void remember(String key, String userId, Instant now) {
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(entry -> !entry.expires().isAfter(now));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        // Rejections are kept for a shorter time so that a wallet created a moment later is found.
        Duration keep = userId.equals(REJECTED) ? ttl.dividedBy(6) : ttl;
        cache.put(key, new Entry(userId, now.plus(keep)));
    }
}
