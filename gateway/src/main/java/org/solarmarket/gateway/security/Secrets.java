package org.solarmarket.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests and comparisons of secrets that take the same time whatever the input. */
public final class Secrets {

    private Secrets() {
    }

    /** Returns the SHA-256 digest of a secret, so that maps and logs never hold the secret itself. */
    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Returns the SHA-256 digest as hex, as a map key. */
    public static String fingerprint(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /**
     * Compares two secrets in constant time: both sides are hashed to 32 bytes first, so neither
     * their length nor the position of the first differing character shows in the timing.
     */
    public static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }
}
