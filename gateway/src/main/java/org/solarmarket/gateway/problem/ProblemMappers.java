package org.solarmarket.gateway.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes every rejected request as {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response mapApiException(ApiException e) {
        return Response.status(e.status()).type(ApiProblem.MEDIA_TYPE).entity(e.toProblem()).build();
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return Response.status(status).type(ApiProblem.MEDIA_TYPE)
                .entity(new ApiProblem("about:blank", title, status, e.getMessage(), null, null)).build();
    }

    @ServerExceptionMapper
    public Response mapUnexpected(RuntimeException e) {
        LOG.error("Request failed with an unexpected error", e);
        return Response.status(500).type(ApiProblem.MEDIA_TYPE)
                .entity(new ApiProblem("about:blank", "Internal Server Error", 500,
                        "the gateway failed to process the request; see its log", null, null))
                .build();
    }
}
