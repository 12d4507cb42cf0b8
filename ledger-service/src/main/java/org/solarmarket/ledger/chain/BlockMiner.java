package org.solarmarket.ledger.chain;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.function.BooleanSupplier;
import org.solarmarket.ledger.crypto.Sha256;

/**
 * The proof-of-work search: tries nonces 0, 1, 2, ... until the header hash meets the target.
 * Only the 8 nonce bytes of the header change between tries and the digest writes into a reused
 * buffer, so a try costs one SHA-256 of 88 bytes plus the target comparison.
 */
public final class BlockMiner {

    /** How many tries pass between two checks of the cancel flag. */
    private static final int CHECK_EVERY = 1 << 14;

    private BlockMiner() {
    }

    /** The nonce found, the hash it gives and the number of hashes computed. */
    public record Solution(long nonce, byte[] hash, long hashes) {
    }

    /**
     * Searches for a nonce.
     *
     * @param cancelled polled every {@value #CHECK_EVERY} tries; returning true stops the search
     * @return the solution, or null when cancelled or when all 2^64 nonces fail
     */
    public static Solution mine(byte[] headerTemplate, Target target, BooleanSupplier cancelled) {
        return search(headerTemplate, target, 0, -1L, cancelled);
    }

    /**
     * Tries {@code maxTries} nonces from {@code firstNonce} on; -1 tries them all (2^64).
     *
     * @return the solution, or null when none of them meets the target or the search is cancelled
     */
    public static Solution search(byte[] headerTemplate, Target target, long firstNonce, long maxTries,
                                  BooleanSupplier cancelled) {
        byte[] header = headerTemplate.clone();
        ByteBuffer nonceView = ByteBuffer.wrap(header);
        MessageDigest digest = Sha256.newDigest();
        byte[] hash = new byte[Sha256.DIGEST_BYTES];
        long nonce = firstNonce;
        long hashes = 0;
        do {
            nonceView.putLong(Block.NONCE_OFFSET, nonce);
            digest.update(header);
            try {
                digest.digest(hash, 0, Sha256.DIGEST_BYTES);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 rejected a 32-byte output buffer", e);
            }
            hashes++;
            if (target.isMetBy(hash)) {
                return new Solution(nonce, hash.clone(), hashes);
            }
            if ((hashes & (CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            nonce++;
        } while (hashes != maxTries && nonce != firstNonce);
        return null;
    }
}
