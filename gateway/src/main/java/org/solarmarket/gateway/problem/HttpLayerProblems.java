package org.solarmarket.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;

/**
 * Rejects a request whose declared body is larger than {@code solarmarket.gateway.max-body-bytes}
 * before the HTTP layer reads it, with {@code application/problem+json} like every other error of
 * the gateway. Without it a body over {@code quarkus.http.limits.max-body-size} got an empty 413
 * from the HTTP layer.
 *
 * <p>NOTE: a chunked body without {@code Content-Length} that exceeds the HTTP layer's own limit
 * (128 KiB) still gets that layer's empty 413.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

    @ConfigProperty(name = "solarmarket.gateway.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        if (declared == null || !isOver(declared)) {
            context.next();
            return;
        }
        LOG.debugf("Rejected a declared body of %s bytes on %s", declared, context.normalizedPath());
        ApiProblem problem = new ApiProblem("about:blank", "Content Too Large", 413, "the request body has "
                + declared + " bytes; at most " + maxBodyBytes + " are accepted", "body", declared);
        context.response().setStatusCode(413).putHeader("Content-Type", ApiProblem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(Buffer.buffer(Json.write(problem)));
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
