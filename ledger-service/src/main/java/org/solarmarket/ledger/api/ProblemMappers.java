package org.solarmarket.ledger.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes every rejected request as {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response mapApiException(ApiException e) {
        return problem(e.toProblem());
    }

    /** Maps a value of the wrong type; registered for this exact type so that it wins over the built-in mapper. */
    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e) {
        return mapJsonException(e);
    }

    /** Malformed JSON or a value of the wrong type: 400 naming the JSON path. */
    @ServerExceptionMapper
    public Response mapJsonException(JsonProcessingException e) {
        String field = null;
        Object value = null;
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
        }
        if (e instanceof InvalidFormatException invalid) {
            value = String.valueOf(invalid.getValue());
        }
        return problem(new ApiProblem("about:blank", "Invalid request", 400,
                "invalid JSON body: " + e.getOriginalMessage(), field, value, null));
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return mapJsonException(json);
        }
        return problem(new ApiProblem("about:blank", title, status, e.getMessage(), null, null, null));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(RuntimeException e) {
        LOG.error("Request failed with an unexpected error", e);
        return problem(new ApiProblem("about:blank", "Internal Server Error", 500,
                "ledger-service failed to process the request; see its log", null, null, null));
    }

    private static Response problem(ApiProblem problem) {
        return Response.status(problem.status()).type(ApiProblem.MEDIA_TYPE).entity(problem).build();
    }
}
