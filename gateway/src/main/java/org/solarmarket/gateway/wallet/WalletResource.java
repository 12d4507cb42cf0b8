package org.solarmarket.gateway.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.gateway.json.BodyReader;
import org.solarmarket.gateway.openapi.RequestSchemas;
import org.solarmarket.gateway.problem.ApiException;
import org.solarmarket.gateway.security.TokenVerifier;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;
import org.solarmarket.gateway.upstream.UpstreamReply;

/**
 * Wallets. ledger-service creates them (keys and token) and opens their trading account. Reading
 * one returns its public keys to anyone, and its balances and open orders from trading-service
 * only to a caller with the wallet's own token.
 */
@Path("/wallet")
@Tag(name = "Wallets")
public class WalletResource {

    private static final Logger LOG = Logger.getLogger(WalletResource.class);
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Inject
    ServiceClient services;

    @Inject
    TokenVerifier tokens;

    @Inject
    BodyReader bodies;

    /** Creates a wallet. The response contains the api_token, which is shown only here. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a wallet with post-quantum key pairs and a trading account")
    public Response create(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestSchemas.Wallet.class))) byte[] body) {
        JsonNode json = bodies.readObject(body);
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("user_id")) {
                throw ApiException.invalidField(name, null, "unknown field; the only field is user_id");
            }
        }
        String userId = requireUserId(json.path("user_id").isTextual() ? json.get("user_id").textValue() : null,
                json.get("user_id"));
        UpstreamReply reply = services.post(Service.LEDGER, "/wallet", Json.write(Map.of("user_id", userId)));
        JsonNode created = reply.requireSuccess();
        LOG.infof("[wallet %s] Created", userId);
        return Response.status(reply.status() == 200 ? 201 : reply.status()).entity(created).build();
    }

    /**
     * Returns a wallet's public part; with the wallet's own token the fields of trading-service's
     * account view (balances, open orders) are added.
     */
    @GET
    @Path("/{user_id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Wallet public keys; balances and open orders with the wallet's token")
    public JsonNode read(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("user_id") String userId) {
        requireUserId(userId, null);
        boolean privateView = authorization != null;
        if (privateView) {
            tokens.requireOwner(authorization, userId, "user_id");
        }
        JsonNode wallet = services.get(Service.LEDGER, "/wallet/" + userId).requireSuccess();
        ObjectNode answer = wallet.isObject() ? ((ObjectNode) wallet).deepCopy() : Json.mapper().createObjectNode();
        answer.put("user_id", userId);
        if (privateView) {
            JsonNode account = services.get(Service.TRADING, "/accounts/" + userId).requireSuccess();
            if (account.isObject()) {
                account.fields().forEachRemaining(field -> {
                    if (!answer.has(field.getKey())) {
                        answer.set(field.getKey(), field.getValue());
                    }
                });
            }
        }
        answer.put("view", privateView ? "owner" : "public");
        return answer;
    }

    private static String requireUserId(String userId, JsonNode raw) {
        if (userId == null) {
            throw ApiException.invalidField("user_id", raw == null ? null : raw.toString(),
                    "the field is required as a string");
        }
        if (!USER_ID.matcher(userId).matches()) {
            throw ApiException.invalidField("user_id", userId, "use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return userId;
    }
}
