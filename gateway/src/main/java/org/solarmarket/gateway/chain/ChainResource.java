package org.solarmarket.gateway.chain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solarmarket.gateway.problem.ApiException;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;

/** The ledger's chain of blocks, its validation and Merkle inclusion proofs, from ledger-service. */
@Path("/chain")
@Tag(name = "Ledger")
public class ChainResource {

    private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    @Inject
    ServiceClient services;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The last 10 blocks")
    public JsonNode recent() {
        return services.get(Service.LEDGER, "/chain").requireSuccess();
    }

    @GET
    @Path("full")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The whole chain with its validation")
    public JsonNode full() {
        return services.get(Service.LEDGER, "/chain/full").requireSuccess();
    }

    @GET
    @Path("tx/{id}/proof")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merkle inclusion proof of a transaction")
    public JsonNode proof(@PathParam("id") String transactionId) {
        if (!TRANSACTION_ID.matcher(transactionId).matches()) {
            throw ApiException.invalidField("id", transactionId, "use 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
        return services.get(Service.LEDGER, "/chain/tx/" + transactionId + "/proof").requireSuccess();
    }
}
