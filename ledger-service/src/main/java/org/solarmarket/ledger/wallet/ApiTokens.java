package org.solarmarket.ledger.wallet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.solarmarket.ledger.crypto.Sha256;

/**
 * API tokens of the form {@code <token id>.<secret>}, both base64url without padding: 12 random
 * bytes of id, used to find the wallet, and 32 random bytes of secret, of which only the SHA-256
 * is stored. A plain hash suffices because the secret has 256 bits of entropy; a password hash
 * would only slow down every request.
 */
public final class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] DUMMY_HASH = new byte[Sha256.DIGEST_BYTES];

    private ApiTokens() {
    }

    /** A new token and what the wallet stores of it. */
    public record Issued(String token, String tokenId, String secretHash) {
    }

    /** A presented token split into its parts; null parts when it has not the token form. */
    public record Presented(String tokenId, String secret) {
    }

    public static Issued issue() {
        byte[] id = new byte[12];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String tokenId = ENCODER.encodeToString(id);
        String secretText = ENCODER.encodeToString(secret);
        return new Issued(tokenId + "." + secretText, tokenId, hashSecret(secretText));
    }

    public static Presented parse(String token) {
        if (token == null) {
            return new Presented(null, null);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.length() > 128) {
            return new Presented(null, null);
        }
        return new Presented(token.substring(0, dot), token.substring(dot + 1));
    }

    static String hashSecret(String secret) {
        return Sha256.hex(Sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code secret} hashes to {@code storedHash}, compared in constant time. With a null
     * stored hash it still hashes and compares against a dummy, so that an unknown token id takes
     * as long as a wrong secret.
     */
    public static boolean matches(String secret, String storedHash) {
        byte[] presented = Sha256.digest((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8));
        byte[] expected = storedHash == null ? DUMMY_HASH : Sha256.parseDigest(storedHash);
        return MessageDigest.isEqual(presented, expected) && storedHash != null && secret != null;
    }
}
