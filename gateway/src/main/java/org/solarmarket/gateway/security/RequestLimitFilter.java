package org.solarmarket.gateway.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.solarmarket.gateway.problem.ApiProblem;

/**
 * Rejects REST requests over the rate limits (429 with {@code Retry-After}) before any resource
 * reads them. {@link org.solarmarket.gateway.problem.HttpLayerProblems} rejects bodies declared
 * larger than the size limit, and bodies sent without a {@code Content-Length} are bounded when
 * the resource reads them.
 */
public class RequestLimitFilter {

    @Inject
    RateLimiter limiter;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext context, HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String token = BearerToken.from(context.getHeaderString(HttpHeaders.AUTHORIZATION)).orElse(null);
        long waitSeconds = limiter.acquire(address, token);
        if (waitSeconds > 0) {
            return problem(429, "Too Many Requests", "rate limit exceeded for this "
                    + (token == null ? "address" : "token or address") + "; retry after " + waitSeconds + " s", null)
                    .header("Retry-After", String.valueOf(waitSeconds)).build();
        }
        return null;
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail, Object value) {
        return Response.status(status).type(ApiProblem.MEDIA_TYPE)
                .entity(new ApiProblem("about:blank", title, status, detail, value == null ? null : "body", value));
    }

    /** Checks the length of a body that arrived without a declared length. */
    public static void checkLength(byte[] body, long maxBodyBytes) {
        if (body != null && body.length > maxBodyBytes) {
            throw new org.solarmarket.gateway.problem.ApiException(413, "Content Too Large", "the request body has "
                    + body.length + " bytes; at most " + maxBodyBytes + " are accepted", "body", body.length);
        }
    }
}
