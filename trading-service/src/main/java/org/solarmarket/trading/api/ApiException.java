package org.solarmarket.trading.api;

/** A request that cannot be served; mapped to an {@code application/problem+json} response. */
public final class ApiException extends RuntimeException {

    private final ApiProblem problem;

    public ApiException(int status, String title, String detail, String field, String value) {
        super(detail);
        this.problem = new ApiProblem("about:blank", title, status, detail, field, value);
    }

    public static ApiException invalidParameter(String field, String value, String rule) {
        return new ApiException(400, "Bad Request", "invalid " + field + " '" + value + "': " + rule, field, value);
    }

    public static ApiException notFound(String field, String value, String what) {
        return new ApiException(404, "Not Found", what + " " + value + " does not exist", field, value);
    }

    public ApiProblem problem() {
        return problem;
    }
}
