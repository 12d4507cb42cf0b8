package org.solarmarket.ledger.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.solarmarket.ledger.chain.Block;
import org.solarmarket.ledger.chain.BlockMiner;
import org.solarmarket.ledger.chain.Target;

/** SHA-256 against the FIPS 180-2 examples and the NIST short-message vectors. */
class Sha256Test {

    private static String hashOf(String text) {
        return Sha256.hex(Sha256.digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void emptyMessage() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hashOf(""));
    }

    @Test
    void oneBlockMessage() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hashOf("abc"));
    }

    @Test
    void twoBlockMessage() {
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hashOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }

    @Test
    void millionLetterA() {
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hashOf("a".repeat(1_000_000)));
    }

    @Test
    void concatenatedPartsHashLikeOneMessage() {
        byte[] a = "ab".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "c".getBytes(StandardCharsets.US_ASCII);
        assertEquals(hashOf("abc"), Sha256.hex(Sha256.digest(a, b)));
    }

    @Test
    void minerDigestPathMatchesPlainSha256() {
        byte[] header = new byte[Block.HEADER_BYTES];
        // Difficulty 0 accepts the first try, so the miner returns the hash of the header with nonce 0.
        BlockMiner.Solution solution = BlockMiner.mine(header, Target.ofLeadingZeroBits(0), () -> false);
        assertEquals(0, solution.nonce());
        assertEquals(Sha256.hex(Sha256.digest(header)), Sha256.hex(solution.hash()));
    }
}
