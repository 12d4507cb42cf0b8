package org.solarmarket.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import org.solarmarket.gateway.problem.ApiException;
import org.solarmarket.gateway.problem.UpstreamProblemException;

/**
 * A response from a service behind the gateway; the body is kept as a JSON tree so that new or
 * renamed fields pass through without a gateway change.
 *
 * @param service the service that answered
 * @param path    the path that was called, without the query
 * @param status  the HTTP status code
 * @param body    the parsed body, or a null node when the body was empty or not JSON
 */
public record UpstreamReply(Service service, String path, int status, JsonNode body) {

    /** Seconds a client is asked to wait when a service is not ready. */
    static final String RETRY_AFTER_SECONDS = "2";

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * Returns the body of a 2xx response, or throws the error that the gateway should return.
     *
     * @throws UpstreamProblemException for a 4xx answer in problem+json, passed through as it is
     * @throws ApiException             for other 4xx responses (same status), for 503 (passed on with
     *                                  {@code Retry-After}) and for other 5xx responses (502)
     */
    public JsonNode requireSuccess() {
        if (isSuccess()) {
            return body;
        }
        if (status >= 400 && status < 500) {
            if (body.isObject() && body.has("status") && (body.has("title") || body.has("detail"))) {
                throw new UpstreamProblemException(status, body);
            }
            String detail = body.isObject() && body.has("message") ? body.get("message").asText()
                    : service.displayName() + " rejected the request to " + path;
            throw new ApiException(status, status == 404 ? "Not Found" : "Rejected by " + service.displayName(),
                    detail, null, null);
        }
        if (status == 503) {
            // The service runs but is not ready yet, for example while it rebuilds its state.
            String reason = body.isObject() && body.has("detail") ? ": " + body.get("detail").asText() : "";
            throw new ApiException(503, "Service Unavailable", service.displayName() + " is not ready on " + path
                    + reason + "; retry later", null, null).withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        throw new ApiException(502, "Bad Gateway", service.displayName() + " failed with HTTP " + status
                + " on " + path + "; retry later", null, null);
    }
}
