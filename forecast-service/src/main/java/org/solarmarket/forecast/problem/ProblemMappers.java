package org.solarmarket.forecast.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.solarmarket.forecast.physics.InvalidInputException;

/** Writes every rejected request as {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response mapInvalidInput(InvalidInputException e) {
        LOG.infof("[field %s] request rejected: %s", e.field(), e.getMessage());
        return Response.status(400).type(ApiProblem.MEDIA_TYPE)
                .entity(new ApiProblem(ApiProblem.INVALID_INPUT, "Invalid request parameter", 400, e.getMessage(),
                        e.field(), e.value()))
                .build();
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return Response.status(status).type(ApiProblem.MEDIA_TYPE)
                .entity(new ApiProblem("about:blank", title, status, e.getMessage(), null, null)).build();
    }
}
