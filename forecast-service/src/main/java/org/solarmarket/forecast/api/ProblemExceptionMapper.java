package org.solarmarket.forecast.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;

/** Writes {@link ProblemException} as an RFC 9457 problem document. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Response toResponse(ProblemException problem) {
        LOG.debugf("[field %s] rejected with HTTP %d: %s", problem.field(), problem.status(), problem.getMessage());
        return problem(problem.status(), problem.title(), problem.getMessage(), problem.field(), problem.value());
    }

    static Response problem(int status, String title, String detail, String field, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("field", field);
        body.put("value", value);
        return Response.status(status).type(PROBLEM_JSON).entity(Json.write(body)).build();
    }
}
