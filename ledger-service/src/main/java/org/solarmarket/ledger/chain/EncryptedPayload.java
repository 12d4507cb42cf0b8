package org.solarmarket.ledger.chain;

/**
 * A private payload of a transaction, AES-256-GCM under the session key of a quantum-safe channel
 * between the two parties. {@code nonce} and {@code ciphertext} (tag included) are base64.
 */
public record EncryptedPayload(String channelId, String nonce, String ciphertext) {
}
