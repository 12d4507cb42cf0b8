package org.solarmarket.trading.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.solarmarket.trading.intake.EngineUnavailableException;

/** Turns failures into {@code application/problem+json} answers. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return problem(e.problem());
    }

    @ServerExceptionMapper
    public Response unavailable(EngineUnavailableException e) {
        LOG.warnf("Answered 503 because the engine is not ready: %s", e.getMessage());
        return problem(new ApiProblem("about:blank", "Service Unavailable", 503, e.getMessage(), null, null));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(new ApiProblem("about:blank", "Not Found", 404, "no resource at this path", null, null));
    }

    private static Response problem(ApiProblem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}
