package org.solarmarket.ledger.wallet;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.solarmarket.ledger.api.ApiException;
import org.solarmarket.ledger.crypto.PublicKeys;

/** Wallets: creation, public information and API token checks (used by the gateway). */
@Path("/wallet")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WalletResource {

    @Inject
    WalletRegistry wallets;

    public record CreateWalletRequest(String userId) {
    }

    /** The answer to a creation; the only place the API token ever appears. */
    public record CreatedWalletResponse(String userId, String apiToken, PublicKeys publicKeys, Instant createdAt) {
    }

    public record WalletInfo(String userId, PublicKeys publicKeys, Instant createdAt) {
        static WalletInfo of(WalletRecord wallet) {
            return new WalletInfo(wallet.userId(), wallet.publicKeys(), wallet.createdAt());
        }
    }

    public record AuthenticateRequest(String apiToken) {
    }

    public record AuthenticatedUser(String userId) {
    }

    @POST
    public Response create(CreateWalletRequest request) {
        String userId = request == null ? null : request.userId();
        WalletRegistry.CreatedWallet created = wallets.create(userId);
        WalletRecord wallet = created.wallet();
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedWalletResponse(wallet.userId(), created.apiToken(), wallet.publicKeys(),
                        wallet.createdAt()))
                .build();
    }

    @GET
    @Path("/{user_id}")
    public WalletInfo get(@PathParam("user_id") String userId) {
        UserIds.requireValid("user_id", userId);
        return wallets.find(userId).map(WalletInfo::of)
                .orElseThrow(() -> ApiException.notFound("user_id", userId, "wallet of user " + userId));
    }

    @POST
    @Path("/authenticate")
    public AuthenticatedUser authenticate(AuthenticateRequest request) {
        String token = request == null ? null : request.apiToken();
        if (token == null || token.isBlank()) {
            throw ApiException.invalidField("api_token", null, "it is required");
        }
        return wallets.authenticate(token).map(AuthenticatedUser::new)
                .orElseThrow(() -> ApiException.unauthorized("the API token is not valid"));
    }
}
