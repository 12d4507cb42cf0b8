package org.solarmarket.gateway.problem;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes every rejected request as {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response mapApiException(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(ApiProblem.MEDIA_TYPE)
                .entity(e.toProblem());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response mapUpstreamProblem(UpstreamProblemException e) {
        return Response.status(e.status()).type(ApiProblem.MEDIA_TYPE).entity(e.problem()).build();
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (e) {
            case NotFoundException ignored -> "no such path; see /q/openapi for the API";
            case NotAllowedException ignored -> "method not allowed on this path; allowed: "
                    + e.getResponse().getAllowedMethods();
            default -> e.getMessage();
        };
        Response.ResponseBuilder response = Response.status(status).type(ApiProblem.MEDIA_TYPE)
                .entity(new ApiProblem("about:blank", title, status, detail, null, null));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(headerValue -> response.header(name, headerValue));
            }
        });
        return response.build();
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
