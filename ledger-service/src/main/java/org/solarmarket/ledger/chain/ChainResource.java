package org.solarmarket.ledger.chain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.AEADBadTagException;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.ledger.api.ApiException;
import org.solarmarket.ledger.crypto.Sha256;
import org.solarmarket.ledger.quantum.ChannelRecord;
import org.solarmarket.ledger.quantum.ChannelRegistry;
import org.solarmarket.ledger.quantum.PayloadCipher;
import org.solarmarket.ledger.wallet.WalletRegistry;

/** The chain: recent blocks, the whole chain with its validation, transactions and their proofs. */
@Path("/chain")
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

    private static final Logger LOG = Logger.getLogger(ChainResource.class);
    private static final int RECENT_BLOCKS = 10;

    @Inject
    Chain chain;

    @Inject
    ChainAudit audit;

    @Inject
    WalletRegistry wallets;

    @Inject
    ChannelRegistry channels;

    /** The last blocks and the running validation of the chain in memory. */
    public record RecentBlocks(int length, List<Block> blocks, ChainAudit.Audit validation) {
    }

    public record FullChain(int length, List<Block> blocks, ValidationResult validation) {
    }

    /**
     * An RFC 6962 inclusion proof that needs nothing else to check: hash {@code leaf_data} as a
     * leaf, fold in {@code audit_path} to get {@code merkle_root}, and hash {@code block_header} to
     * get {@code block_hash}.
     */
    public record InclusionProof(String transactionId, long blockIndex, String blockHash, String merkleRoot,
                                 int leafIndex, int treeSize, String leafData, String leafHash,
                                 List<String> auditPath, String blockHeader, String verification) {
    }

    public record DecryptedPayload(String transactionId, String channelId, JsonNode details) {
    }

    static final String VERIFICATION = "leaf_hash = SHA-256(0x00 || base64-decoded leaf_data); fold audit_path"
            + " into leaf_hash with node = SHA-256(0x01 || left || right) as in RFC 9162 section 2.1.3.2 and compare"
            + " with merkle_root; block_hash = SHA-256(hex-decoded block_header), whose bytes 8 to 39 are"
            + " merkle_root.";

    @GET
    public RecentBlocks recent() {
        return new RecentBlocks(chain.size(), chain.lastBlocks(RECENT_BLOCKS), audit.latest());
    }

    // NOTE: validates the whole stored chain on every call, so the cost grows with the chain
    // (about 590 transactions/s on the benchmark machine).
    @GET
    @Path("/full")
    public FullChain full() {
        List<Block> blocks = chain.blocks();
        return new FullChain(blocks.size(), blocks, chain.validateStored());
    }

    @GET
    @Path("/tx/{id}")
    public Transaction transaction(@PathParam("id") String id) {
        return locate(id).transaction();
    }

    @GET
    @Path("/tx/{id}/proof")
    public InclusionProof proof(@PathParam("id") String id) {
        Chain.TransactionLocation location = locate(id);
        Block block = location.block();
        List<byte[]> leafHashes = block.transactions().stream()
                .map(tx -> MerkleTree.leafHash(TransactionCodec.leafData(tx)))
                .toList();
        byte[] leafData = TransactionCodec.leafData(location.transaction());
        return new InclusionProof(location.transaction().id(), block.index(), block.hash(), block.merkleRoot(),
                location.position(), leafHashes.size(), Base64.getEncoder().encodeToString(leafData),
                Sha256.hex(leafHashes.get(location.position())),
                MerkleTree.auditPath(leafHashes, location.position()).stream().map(Sha256::hex).toList(),
                Sha256.hex(block.header()), VERIFICATION);
    }

    /** Decrypts a transaction's private payload for its sender or recipient. */
    @GET
    @Path("/tx/{id}/payload")
    public DecryptedPayload payload(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        String userId = authenticatedUser(auth);
        Transaction tx = locate(id).transaction();
        if (!userId.equals(tx.sender()) && !userId.equals(tx.recipient())) {
            throw ApiException.forbidden("only the sender and the recipient of transaction " + tx.id()
                    + " can read its payload");
        }
        EncryptedPayload payload = tx.payload();
        if (payload == null) {
            throw ApiException.notFound("id", tx.id(), "a private payload of transaction " + tx.id());
        }
        ChannelRecord channel = channels.find(payload.channelId()).orElseThrow(() -> ApiException.notFound("id",
                tx.id(), "channel " + payload.channelId() + " of transaction " + tx.id()));
        try {
            byte[] plaintext = PayloadCipher.decrypt(channels.open(channel).key(), payload, tx.fillId(), tx.asset());
            return new DecryptedPayload(tx.id(), channel.channelId(), Json.mapper().readTree(plaintext));
        } catch (AEADBadTagException | IOException e) {
            LOG.errorf("[transaction %s] payload does not decrypt under channel %s: %s", tx.id(),
                    channel.channelId(), e.getMessage());
            throw new ApiException(422, "Payload unreadable", "the payload of transaction " + tx.id()
                    + " does not decrypt under the session key of channel " + channel.channelId(), "id", tx.id(),
                    null);
        }
    }

    private String authenticatedUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("send the wallet's API token as 'Authorization: Bearer <api_token>'");
        }
        return wallets.authenticate(authorization.substring(7).trim())
                .orElseThrow(() -> ApiException.unauthorized("the API token is not valid"));
    }

    private Chain.TransactionLocation locate(String id) {
        if (!Sha256.isDigestHex(id)) {
            throw ApiException.invalidField("id", id, "a transaction id is 64 hex digits (a SHA-256)");
        }
        String normalized = id.toLowerCase(Locale.ROOT);
        return chain.findTransaction(normalized).orElseThrow(() -> ApiException.notFound("id", normalized,
                "transaction " + normalized + " in a block"));
    }
}
