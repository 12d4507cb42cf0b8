package org.solarmarket.gateway.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.gateway.json.BodyReader;
import org.solarmarket.gateway.openapi.RequestSchemas;
import org.solarmarket.gateway.order.CommandPublisher;
import org.solarmarket.gateway.security.OperatorToken;

/** Operator calls: deposits of credits and metered energy production, sent to trading-service. */
@Path("/admin")
@Tag(name = "Operator")
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class);

    @Inject
    OperatorToken operator;

    @Inject
    BodyReader bodies;

    @Inject
    CommandPublisher publisher;

    /** Credits an account; the outcome follows as a {@code credited} or {@code rejected} order event. */
    @POST
    @Path("/credit")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Credit an account with credits or energy_kwh (needs the operator token)")
    public Response credit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestSchemas.Credit.class))) byte[] body) {
        operator.require(authorization);
        CreditRequest request = CreditRequest.parse(bodies.readObject(body));
        String commandId = UUID.randomUUID().toString();
        String reference = request.reference() != null ? request.reference() : "operator-" + commandId;
        publisher.publish(new TradingCommand.Credit(commandId, request.userId(), Instant.now(), request.asset(),
                request.amount(), reference));
        LOG.infof("[wallet %s] Operator credit of %s %s requested as command %s", request.userId(),
                request.amount().toPlainString(), request.asset().wireName(), commandId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("command_id", commandId);
        answer.put("user_id", request.userId());
        answer.put("asset", request.asset().wireName());
        answer.put("amount", request.amount().toPlainString());
        answer.put("reference", reference);
        answer.put("status", "pending");
        return Response.accepted(answer).build();
    }
}
