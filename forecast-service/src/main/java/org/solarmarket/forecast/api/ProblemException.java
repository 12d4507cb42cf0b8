package org.solarmarket.forecast.api;

/**
 * A request the service rejects, sent as {@code application/problem+json} with the field and
 * value at fault.
 */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final String value;

    public ProblemException(int status, String title, String field, Object value, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    public static ProblemException invalid(String field, Object value, String rule) {
        return new ProblemException(400, "Invalid request", field, value,
                field + " = " + value + " is invalid: " + rule);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
