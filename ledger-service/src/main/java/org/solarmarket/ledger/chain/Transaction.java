package org.solarmarket.ledger.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.solarmarket.contracts.Asset;

/**
 * A signed transfer on the ledger. A settlement moves one asset of a fill from sender to
 * recipient: energy from seller to buyer, or credits from buyer to seller. A reward pays the miner
 * of a block.
 *
 * <p>{@code id} is the hex SHA-256 of {@link TransactionCodec#signedContent(Transaction)}, the
 * canonical encoding of every field except the id and the signatures. Both signatures are over
 * that same encoding, made with the sender's keys.
 *
 * @param fillId   the trade id of the settled fill; null for a reward
 * @param market   delivery slot of the fill; null for a reward
 * @param amount   kWh for energy, credits for credits; exact
 * @param price    credits per kWh of the fill; null for a reward
 * @param sequence the fill's sequence number, or the block index for a reward
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Transaction(
        String id,
        Kind kind,
        String fillId,
        String market,
        String sender,
        String recipient,
        Asset asset,
        BigDecimal amount,
        BigDecimal price,
        long sequence,
        Instant timestamp,
        EncryptedPayload payload,
        @JsonProperty("ed25519_signature") String ed25519Signature,
        @JsonProperty("ml_dsa_65_signature") String mlDsa65Signature) {

    /** Sender of every reward; no wallet can have this id because user ids cannot contain ':'. */
    public static final String COINBASE = "ledger:coinbase";

    /** What a transaction records. */
    public enum Kind {
        SETTLEMENT, REWARD;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Transaction withId(String newId) {
        return new Transaction(newId, kind, fillId, market, sender, recipient, asset, amount, price, sequence,
                timestamp, payload, ed25519Signature, mlDsa65Signature);
    }

    public Transaction withSignatures(String ed25519, String mlDsa65) {
        return new Transaction(id, kind, fillId, market, sender, recipient, asset, amount, price, sequence,
                timestamp, payload, ed25519, mlDsa65);
    }
}
