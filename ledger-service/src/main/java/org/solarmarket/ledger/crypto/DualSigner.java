package org.solarmarket.ledger.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Signs a message with both Ed25519 and ML-DSA-65 and verifies both signatures. A message counts
 * as signed only when both verify, so it stays protected if either scheme is broken.
 */
public final class DualSigner {

    private DualSigner() {
    }

    /** The two signatures over one message. */
    public record Signatures(byte[] ed25519, byte[] mlDsa65) {
    }

    public static Signatures sign(byte[] message, PrivateKey ed25519, PrivateKey mlDsa65) {
        return new Signatures(sign(KeyAlgorithm.ED25519, ed25519, message), sign(KeyAlgorithm.ML_DSA_65, mlDsa65, message));
    }

    public static byte[] sign(KeyAlgorithm algorithm, PrivateKey key, byte[] message) {
        try {
            Signature signature = signature(algorithm);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.standardName() + " signing failed", e);
        }
    }

    /** Verifies {@code signature} over {@code message}; a malformed signature counts as invalid. */
    public static boolean verify(KeyAlgorithm algorithm, PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = signature(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            // Malformed signature bytes: not a valid signature.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.standardName() + " verification could not run", e);
        }
    }

    private static Signature signature(KeyAlgorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case ED25519 -> Signature.getInstance("Ed25519", algorithm.provider());
            case ML_DSA_65 -> Signature.getInstance("ML-DSA-65", algorithm.provider());
            default -> throw new IllegalArgumentException(algorithm.standardName() + " is not a signature algorithm");
        };
    }
}
