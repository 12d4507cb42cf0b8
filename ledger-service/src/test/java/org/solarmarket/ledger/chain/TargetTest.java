package org.solarmarket.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.solarmarket.ledger.crypto.Sha256;

class TargetTest {

    private static byte[] hash(String hex) {
        return Sha256.parseDigest(hex);
    }

    /**
     * A miner that compared 256-bit numbers and a validator that counted leading zeros disagreed at
     * the boundary. With one shared rule, hash A below target 0x00001000... passes and hash B above
     * it fails, although both have 4 leading zero hex digits like the target.
     */
    @Test
    void boundaryHashesFollowUnsignedComparison() {
        Target target = Target.ofValue(new BigInteger("00001" + "0".repeat(59), 16));
        byte[] below = hash("00000" + "f".repeat(59));
        byte[] above = hash("00001" + "f".repeat(59));
        assertTrue(target.isMetBy(below));
        assertFalse(target.isMetBy(above));
        assertTrue(target.isMetBy(hash(target.hex())), "a hash equal to the target meets it");
    }

    @Test
    void hexDigitsAreFourBitsEach() {
        for (int digits = 0; digits <= Target.MAX_BITS / 4; digits++) {
            assertEquals(Target.ofLeadingZeroBits(4 * digits), Target.ofLeadingZeroHexDigits(digits));
        }
    }

    @Test
    void bitTargetMatchesLeadingZeros() {
        for (int bits = 0; bits <= Target.MAX_BITS; bits++) {
            Target target = Target.ofLeadingZeroBits(bits);
            assertEquals(bits, target.leadingZeroBits());
            if (bits < 256) {
                // The smallest hash with only bits-1 leading zeros: a one at position bits-1.
                if (bits > 0) {
                    assertFalse(target.isMetBy(withBitSet(bits - 1)), "bit " + (bits - 1) + " set, " + bits + " bits");
                }
                assertTrue(target.isMetBy(withBitSet(bits)), "bit " + bits + " set, " + bits + " bits");
            }
        }
    }

    @Test
    void defaultDifficultyOfTwoHexDigits() {
        Target target = Target.ofLeadingZeroHexDigits(2);
        assertEquals("00" + "f".repeat(62), target.hex());
        assertTrue(target.isMetBy(hash("00ff" + "0".repeat(60))));
        assertFalse(target.isMetBy(hash("0100" + "0".repeat(60))));
        assertEquals(BigInteger.valueOf(256), target.expectedHashes());
    }

    @Test
    void parseReadsHexForm() {
        Target target = Target.ofLeadingZeroBits(13);
        assertEquals(target, Target.parse(target.hex()));
    }

    @Test
    void outOfRangeDifficultyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Target.ofLeadingZeroBits(-1));
        assertThrows(IllegalArgumentException.class, () -> Target.ofLeadingZeroBits(Target.MAX_BITS + 1));
        assertThrows(IllegalArgumentException.class, () -> Target.ofValue(BigInteger.ZERO));
    }

    private static byte[] withBitSet(int position) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) 0);
        hash[position / 8] = (byte) (0x80 >>> (position % 8));
        return hash;
    }
}
