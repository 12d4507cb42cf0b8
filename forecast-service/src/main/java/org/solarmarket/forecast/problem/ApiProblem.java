package org.solarmarket.forecast.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code field} and {@code value} name the input that broke a rule.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiProblem(String type, String title, int status, String detail, String field, String value) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /**
     * Problem type of a request parameter that is missing, malformed or out of range. Like every
     * service of the platform it is {@code about:blank}: the status and {@code field} name what
     * went wrong.
     */
    public static final String INVALID_INPUT = "about:blank";
}
