package org.solarmarket.ledger.chain;

import java.math.BigInteger;
import org.solarmarket.ledger.crypto.Sha256;

/**
 * A proof-of-work target: a block hash meets it when the hash, read as an unsigned 256-bit
 * big-endian number, is at most the target. {@link #isMetBy(byte[])} is the one rule that both the
 * miner and the validator apply.
 *
 * <p>A difficulty of {@code n} leading zero bits is the target {@code 2^(256-n) - 1}, so "hash at
 * most target" and "at least n leading zero bits" agree exactly; {@code d} leading zero hex digits
 * are {@code 4d} bits.
 */
public final class Target {

    public static final int MAX_BITS = 64;
    static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private final BigInteger value;
    private final byte[] bytes;

    private Target(BigInteger value) {
        if (value.signum() <= 0 || value.compareTo(MAX_VALUE) > 0) {
            throw new IllegalArgumentException("invalid target " + value.toString(16)
                    + ": it must lie in 1 .. 2^256-1");
        }
        this.value = value;
        this.bytes = toBytes(value);
    }

    public static Target ofValue(BigInteger value) {
        return new Target(value);
    }

    /**
     * Creates the target for {@code bits} leading zero bits.
     *
     * @throws IllegalArgumentException unless 0 &lt;= bits &lt;= {@value #MAX_BITS}
     */
    public static Target ofLeadingZeroBits(int bits) {
        if (bits < 0 || bits > MAX_BITS) {
            throw new IllegalArgumentException("invalid difficulty of " + bits + " bits: it must lie in 0.."
                    + MAX_BITS + " (each bit doubles the expected mining time)");
        }
        return new Target(BigInteger.ONE.shiftLeft(256 - bits).subtract(BigInteger.ONE));
    }

    /** Creates the target for {@code digits} leading zero hex digits (4 bits each). */
    public static Target ofLeadingZeroHexDigits(int digits) {
        if (digits < 0 || digits > MAX_BITS / 4) {
            throw new IllegalArgumentException("invalid difficulty of " + digits + " hex digits: it must lie in 0.."
                    + MAX_BITS / 4);
        }
        return ofLeadingZeroBits(4 * digits);
    }

    /** Parses the 64-digit hex form written by {@link #hex()}. */
    public static Target parse(String hex) {
        return new Target(new BigInteger(1, Sha256.parseDigest(hex)));
    }

    /**
     * Tells whether {@code hash} meets this target, {@code hash <= target}, with both read as unsigned
     * 256-bit big-endian numbers. The loop compares byte by byte, most significant first, so that
     * the miner pays almost nothing for the check.
     */
    public boolean isMetBy(byte[] hash) {
        if (hash.length != 32) {
            throw new IllegalArgumentException("a block hash has 32 bytes, got " + hash.length);
        }
        for (int i = 0; i < 32; i++) {
            int h = hash[i] & 0xff;
            int t = bytes[i] & 0xff;
            if (h != t) {
                return h < t;
            }
        }
        return true;
    }

    public BigInteger value() {
        return value;
    }

    public String hex() {
        return Sha256.hex(bytes);
    }

    /** Leading zero bits every hash below this target has; equals n for a target made from n bits. */
    public int leadingZeroBits() {
        return 256 - value.bitLength();
    }

    /** Returns the expected number of hashes to find a block, 2^256 / (target + 1). */
    public BigInteger expectedHashes() {
        return BigInteger.ONE.shiftLeft(256).divide(value.add(BigInteger.ONE));
    }

    private static byte[] toBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Target that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Target[" + hex() + "]";
    }
}
