package org.solarmarket.gateway.problem;

/** A request that the gateway rejects; the mapper turns it into {@code application/problem+json}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final transient Object value;

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

    public ApiProblem toProblem() {
        return new ApiProblem("about:blank", title, status, getMessage(), field, value);
    }

    public int status() {
        return status;
    }
}
