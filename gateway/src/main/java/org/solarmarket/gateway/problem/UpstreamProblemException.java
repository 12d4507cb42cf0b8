package org.solarmarket.gateway.problem;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client error that a service behind the gateway returned as {@code application/problem+json};
 * the gateway passes its status and body through unchanged, so the caller sees the field and value.
 */
public class UpstreamProblemException extends RuntimeException {

    private final int status;
    private final transient JsonNode problem;

    public UpstreamProblemException(int status, JsonNode problem) {
        super(problem.path("detail").asText("status " + status));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public JsonNode problem() {
        return problem;
    }
}
