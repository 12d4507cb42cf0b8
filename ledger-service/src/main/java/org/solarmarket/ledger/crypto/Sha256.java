package org.solarmarket.ledger.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (FIPS 180-4) from the JDK, with hex helpers for the 32-byte digests the ledger stores. */
public final class Sha256 {

    public static final int DIGEST_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256, which every Java SE runtime must provide", e);
        }
    }

    /** Hashes the concatenation of {@code parts}. */
    public static byte[] digest(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * Parses a 64-character lowercase or uppercase hex digest.
     *
     * @throws IllegalArgumentException when {@code hex} is not 64 hex digits
     */
    public static byte[] parseDigest(String hex) {
        if (!isDigestHex(hex)) {
            throw new IllegalArgumentException("invalid SHA-256 digest '" + hex + "': expected 64 hex digits");
        }
        return HEX.parseHex(hex);
    }

    public static boolean isDigestHex(String hex) {
        if (hex == null || hex.length() != 2 * DIGEST_BYTES) {
            return false;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
