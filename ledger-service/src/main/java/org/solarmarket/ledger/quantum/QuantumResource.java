package org.solarmarket.ledger.quantum;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.solarmarket.ledger.api.ApiException;
import org.solarmarket.ledger.wallet.UserIds;
import org.solarmarket.ledger.wallet.WalletRegistry;

/** Quantum-safe channels between wallets; every wallet is a participant. */
@Path("/quantum")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuantumResource {

    private static final int DEFAULT_KEY_BITS = 256;
    private static final BigDecimal MAX_NOISE = new BigDecimal("0.5");

    @Inject
    ChannelRegistry channels;

    @Inject
    WalletRegistry wallets;

    /**
     * A channel request.
     *
     * @param keyLength BB84 key bits kept after sampling, {@value Bb84Simulator#MIN_KEY_BITS} to
     *                  {@value Bb84Simulator#MAX_KEY_BITS}; 256 when absent
     * @param noise     probability that the channel flips a bit, 0 to 0.5; 0 when absent
     */
    public record ChannelRequest(String participantA, String participantB, Integer keyLength, BigDecimal noise,
                                 Boolean eavesdropper) {
    }

    /** A wallet as a channel participant, with its key-exchange public keys. */
    public record Participant(String userId, @JsonProperty("ml_kem_768") String mlKem768, String x25519, int channels,
                              Instant createdAt) {
    }

    @POST
    @Path("/channel")
    public Response establish(ChannelRequest request) {
        if (request == null) {
            throw ApiException.invalidField("participant_a", null, "it is required");
        }
        String a = requireParticipant("participant_a", request.participantA());
        String b = requireParticipant("participant_b", request.participantB());
        if (a.equals(b)) {
            throw ApiException.invalidField("participant_b", b, "a channel needs two different participants,"
                    + " but participant_b equals participant_a");
        }
        int keyBits = request.keyLength() == null ? DEFAULT_KEY_BITS : request.keyLength();
        if (keyBits < Bb84Simulator.MIN_KEY_BITS || keyBits > Bb84Simulator.MAX_KEY_BITS) {
            throw ApiException.invalidField("key_length", request.keyLength(), "it must lie in "
                    + Bb84Simulator.MIN_KEY_BITS + ".." + Bb84Simulator.MAX_KEY_BITS + " bits");
        }
        BigDecimal noise = request.noise() == null ? BigDecimal.ZERO : request.noise();
        if (noise.signum() < 0 || noise.compareTo(MAX_NOISE) > 0) {
            throw ApiException.invalidField("noise", request.noise(), "it is a bit-flip probability and must lie"
                    + " in 0..0.5");
        }
        boolean eavesdropper = Boolean.TRUE.equals(request.eavesdropper());
        ChannelReport report = channels.establish(new ChannelRegistry.Request(a, b, keyBits, noise, eavesdropper));
        return Response.status(Response.Status.CREATED).entity(report).build();
    }

    @GET
    @Path("/participants")
    public List<Participant> participants() {
        return wallets.all().stream()
                .map(wallet -> new Participant(wallet.userId(), wallet.publicKeys().mlKem768(),
                        wallet.publicKeys().x25519(), channels.channelsOf(wallet.userId()).size(),
                        wallet.createdAt()))
                .toList();
    }

    private String requireParticipant(String field, String userId) {
        UserIds.requireValid(field, userId);
        if (wallets.find(userId).isEmpty()) {
            throw ApiException.notFound(field, userId, "participant " + userId);
        }
        return userId;
    }
}
