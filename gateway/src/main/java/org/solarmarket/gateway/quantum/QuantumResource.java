package org.solarmarket.gateway.quantum;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solarmarket.gateway.json.BodyReader;
import org.solarmarket.gateway.openapi.RequestSchemas;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;
import org.solarmarket.gateway.upstream.UpstreamReply;

/** Quantum-safe channels between participants, from ledger-service. */
@Path("/quantum")
@Tag(name = "Ledger")
public class QuantumResource {

    @Inject
    ServiceClient services;

    @Inject
    BodyReader bodies;

    /** Establishes a channel; the body is checked strictly here and validated by ledger-service. */
    @POST
    @Path("channel")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Establish a channel between two participants (simulated BB84 plus ML-KEM-768)")
    public Response channel(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestSchemas.Channel.class))) byte[] body) {
        bodies.readObject(body);
        UpstreamReply reply = services.post(Service.LEDGER, "/quantum/channel", body);
        return Response.status(reply.status()).entity(reply.requireSuccess()).build();
    }

    @GET
    @Path("participants")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Participants of quantum channels")
    public JsonNode participants() {
        return services.get(Service.LEDGER, "/quantum/participants").requireSuccess();
    }
}
