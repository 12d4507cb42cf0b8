package org.solarmarket.ledger.quantum;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.KEM;
import javax.crypto.KeyAgreement;
import org.solarmarket.ledger.crypto.BouncyCastle;
import org.solarmarket.ledger.crypto.Hkdf;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.crypto.Sha256;

/**
 * The hybrid key exchange behind a channel. The initiator (A) encapsulates a secret to the
 * responder's (B's) ML-KEM-768 key and runs X25519 between a fresh ephemeral key and B's X25519
 * key; B decapsulates and runs X25519 with its private key. Each side then derives the 256-bit
 * session key as
 * <pre>
 *   HKDF-SHA256(ikm  = bb84 key || ML-KEM secret || X25519 secret,
 *               salt = SHA-256(ML-KEM ciphertext || ephemeral X25519 public key),
 *               info = "solarmarket channel v1 AES-256-GCM " + A + " " + B)
 * </pre>
 * so the key stays secret while any one of the three inputs does.
 */
public final class HybridKeyExchange {

    public static final int SESSION_KEY_BYTES = 32;

    private HybridKeyExchange() {
    }

    /** What A sends to B: the ML-KEM ciphertext and its ephemeral X25519 public key (DER). */
    public record Offer(byte[] kemCiphertext, byte[] ephemeralX25519) {
    }

    /** A's half: the offer for B and the two shared secrets A computed. */
    public record Initiation(Offer offer, byte[] kemSecret, byte[] x25519Secret) {
    }

    public static Initiation initiate(PublicKey responderKem, PublicKey responderX25519) {
        try {
            KEM.Encapsulated encapsulated = KEM.getInstance("ML-KEM", BouncyCastle.PROVIDER)
                    .newEncapsulator(responderKem).encapsulate();
            KeyPair ephemeral = KeyAlgorithm.X25519.generateKeyPair();
            byte[] x25519Secret = agree(ephemeral.getPrivate(), responderX25519);
            return new Initiation(new Offer(encapsulated.encapsulation(), ephemeral.getPublic().getEncoded()),
                    encapsulated.key().getEncoded(), x25519Secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ML-KEM-768 encapsulation failed", e);
        }
    }

    /** B's half: the ML-KEM secret and the X25519 secret, as B computes them from the offer. */
    public static byte[][] respond(Offer offer, PrivateKey responderKem, PrivateKey responderX25519) {
        try {
            byte[] kemSecret = KEM.getInstance("ML-KEM", BouncyCastle.PROVIDER).newDecapsulator(responderKem)
                    .decapsulate(offer.kemCiphertext()).getEncoded();
            PublicKey ephemeral = KeyAlgorithm.X25519.decodePublic(offer.ephemeralX25519());
            return new byte[][] {kemSecret, agree(responderX25519, ephemeral)};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ML-KEM-768 decapsulation failed", e);
        }
    }

    public static byte[] deriveSessionKey(byte[] bb84Key, byte[] kemSecret, byte[] x25519Secret, Offer offer,
                                          String initiator, String responder) {
        byte[] ikm = new byte[bb84Key.length + kemSecret.length + x25519Secret.length];
        System.arraycopy(bb84Key, 0, ikm, 0, bb84Key.length);
        System.arraycopy(kemSecret, 0, ikm, bb84Key.length, kemSecret.length);
        System.arraycopy(x25519Secret, 0, ikm, bb84Key.length + kemSecret.length, x25519Secret.length);
        byte[] salt = Sha256.digest(offer.kemCiphertext(), offer.ephemeralX25519());
        byte[] info = ("solarmarket channel v1 AES-256-GCM " + initiator + " " + responder)
                .getBytes(StandardCharsets.UTF_8);
        try {
            return Hkdf.deriveKey(ikm, salt, info, SESSION_KEY_BYTES);
        } finally {
            java.util.Arrays.fill(ikm, (byte) 0);
        }
    }

    /** A short public fingerprint of a session key, so both sides can confirm they agree without revealing it. */
    public static String fingerprint(byte[] sessionKey) {
        return Sha256.hex(Sha256.digest("solarmarket key confirmation".getBytes(StandardCharsets.US_ASCII),
                sessionKey)).substring(0, 16);
    }

    private static byte[] agree(PrivateKey own, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(own);
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }
}
