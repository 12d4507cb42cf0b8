package org.solarmarket.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request that the gateway rejects; the mapper turns it into {@code application/problem+json}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final transient Object value;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, String title, String detail, String field, Object value) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.value = value;
    }

    /** HTTP 400 for an input field that breaks a rule. */
    public static ApiException invalidField(String field, Object value, String rule) {
        return new ApiException(400, "Invalid request", "invalid " + field + ": " + rule, field, value);
    }

    /**
     * HTTP 422 for a well-formed field whose value cannot be acted on now, such as a delivery
     * slot that is not open for trading.
     */
    public static ApiException unprocessable(String field, Object value, String detail) {
        return new ApiException(422, "Unprocessable request", detail, field, value);
    }

    /** HTTP 401: the call needs a bearer token and has none, or one that no wallet owns. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail, "Authorization", null)
                .withHeader("WWW-Authenticate", "Bearer realm=\"solarmarket\"");
    }

    /** HTTP 403: the token is valid but belongs to another wallet than the one the call concerns. */
    public static ApiException forbidden(String detail, String field, Object value) {
        return new ApiException(403, "Forbidden", detail, field, value);
    }

    /** HTTP 404 for a resource that does not exist. */
    public static ApiException notFound(String detail, String field, Object value) {
        return new ApiException(404, "Not Found", detail, field, value);
    }

    /** Adds a response header such as {@code Retry-After}. */
    public ApiException withHeader(String name, String headerValue) {
        headers.put(name, headerValue);
        return this;
    }

    public ApiProblem toProblem() {
        return new ApiProblem("about:blank", title, status, getMessage(), field, value);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
