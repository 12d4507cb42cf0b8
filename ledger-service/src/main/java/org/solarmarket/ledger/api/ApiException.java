package org.solarmarket.ledger.api;

import java.util.Map;

/** A rejected request; {@link ProblemMappers} writes it as {@code application/problem+json}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final transient Object value;
    private final transient Map<String, Object> extensions;

    public ApiException(int status, String title, String detail, String field, Object value,
                        Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.value = value;
        this.extensions = extensions;
    }

    /** HTTP 400: an input field breaks a rule. */
    public static ApiException invalidField(String field, Object value, String rule) {
        return new ApiException(400, "Invalid request", "invalid " + field + ": " + rule, field, value, null);
    }

    /** HTTP 404: the resource a field names does not exist. */
    public static ApiException notFound(String field, Object value, String what) {
        return new ApiException(404, "Not Found", what + " not found", field, value, null);
    }

    public static ApiException conflict(String field, Object value, String detail) {
        return new ApiException(409, "Conflict", detail, field, value, null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail, null, null, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail, null, null, null);
    }

    public ApiProblem toProblem() {
        return new ApiProblem("about:blank", title, status, getMessage(), field, value, extensions);
    }

    public int status() {
        return status;
    }
}
