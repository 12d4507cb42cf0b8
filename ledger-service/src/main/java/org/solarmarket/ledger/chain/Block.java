package org.solarmarket.ledger.chain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.solarmarket.ledger.crypto.Sha256;

/**
 * One block of the chain.
 *
 * <p>Its hash is SHA-256 over the 88-byte header encoding of {@link #header}: index (8 bytes),
 * Merkle root (32 bytes), timestamp as epoch milliseconds (8 bytes), previous hash (32 bytes) and
 * nonce (8 bytes), integers big-endian and hashes as their raw bytes. The timestamp therefore has
 * millisecond precision. {@code target} is the proof-of-work target the hash must meet; it is not
 * hashed, but validation recomputes the target each block must have from the chain.
 *
 * @param previousHash hex hash of the block before, 64 zeros for the genesis block
 * @param merkleRoot   hex RFC 6962 root over the transactions' leaf data
 */
public record Block(
        long index,
        Instant timestamp,
        String previousHash,
        String merkleRoot,
        long nonce,
        String target,
        String hash,
        List<Transaction> transactions) {

    public static final String GENESIS_PREVIOUS_HASH = "0".repeat(64);
    public static final int HEADER_BYTES = 88;
    /** Offset of the nonce inside the header encoding; the miner rewrites only these 8 bytes. */
    public static final int NONCE_OFFSET = 80;

    public static byte[] header(long index, byte[] merkleRoot, long timestampMillis, byte[] previousHash, long nonce) {
        return ByteBuffer.allocate(HEADER_BYTES)
                .putLong(index)
                .put(merkleRoot)
                .putLong(timestampMillis)
                .put(previousHash)
                .putLong(nonce)
                .array();
    }

    /**
     * Returns the header encoding of this block.
     *
     * @throws IllegalArgumentException when a stored hash field is not 64 hex digits
     */
    public byte[] header() {
        return header(index, Sha256.parseDigest(merkleRoot), timestamp.toEpochMilli(),
                Sha256.parseDigest(previousHash), nonce);
    }

    public byte[] computeHash() {
        return Sha256.digest(header());
    }
}
