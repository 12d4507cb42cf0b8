package org.solarmarket.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solarmarket.ledger.crypto.Sha256;

/** The tree hash and audit paths against the RFC 6962 test vectors of Certificate Transparency. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Leaf inputs of the Certificate Transparency reference tests. */
    private static final List<byte[]> LEAVES = List.of(
            HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031"),
            HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    /** Roots of the trees over the first 0..8 leaves. */
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> leafHashes(int count) {
        return LEAVES.subList(0, count).stream().map(MerkleTree::leafHash).toList();
    }

    @Test
    void rootsMatchReferenceForEverySize() {
        for (int size = 0; size <= 8; size++) {
            assertEquals(ROOTS.get(size), Sha256.hex(MerkleTree.root(leafHashes(size))), "tree size " + size);
        }
    }

    @Test
    void auditPathsMatchReferenceVectors() {
        assertEquals(List.of(), hex(MerkleTree.auditPath(leafHashes(1), 0)));
        assertEquals(List.of(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
                hex(MerkleTree.auditPath(leafHashes(8), 0)));
        assertEquals(List.of(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
                hex(MerkleTree.auditPath(leafHashes(8), 5)));
        assertEquals(List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
                hex(MerkleTree.auditPath(leafHashes(3), 2)));
        assertEquals(List.of(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                hex(MerkleTree.auditPath(leafHashes(5), 1)));
    }

    @Test
    void everyProofVerifiesInEveryTreeSize() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                leaves.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.US_ASCII)));
            }
            byte[] root = MerkleTree.root(leaves);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.auditPath(leaves, index);
                assertTrue(MerkleTree.verifyInclusion(leaves.get(index), index, size, path, root),
                        "leaf " + index + " of " + size);
                int otherIndex = (index + 1) % size;
                if (size > 1) {
                    assertFalse(MerkleTree.verifyInclusion(leaves.get(otherIndex), index, size, path, root),
                            "leaf " + otherIndex + " passed as leaf " + index + " of " + size);
                }
            }
        }
    }

    @Test
    void alteredPathFailsVerification() {
        List<byte[]> leaves = leafHashes(7);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> path = new ArrayList<>(MerkleTree.auditPath(leaves, 4));
        byte[] altered = path.get(1).clone();
        altered[0] ^= 1;
        path.set(1, altered);
        assertFalse(MerkleTree.verifyInclusion(leaves.get(4), 4, 7, path, root));
        assertFalse(MerkleTree.verifyInclusion(leaves.get(4), 7, 7, MerkleTree.auditPath(leaves, 4), root));
    }

    @Test
    void leafCannotPassForNode() {
        byte[] left = MerkleTree.leafHash(new byte[] {1});
        byte[] right = MerkleTree.leafHash(new byte[] {2});
        byte[] concatenated = new byte[64];
        System.arraycopy(left, 0, concatenated, 0, 32);
        System.arraycopy(right, 0, concatenated, 32, 32);
        assertNotEquals(Sha256.hex(MerkleTree.nodeHash(left, right)), Sha256.hex(MerkleTree.leafHash(concatenated)));
    }

    /**
     * CVE-2012-2459: with Bitcoin's rule of pairing an odd last hash with itself (double SHA-256),
     * [a, b, c] and [a, b, c, c] share a root, and so do [a..f] and [a..f, e, f]. RFC 6962 promotes
     * the odd node instead, so those lists get different roots.
     */
    @Test
    void duplicatedLastLeavesChangeTheRoot() {
        byte[][] ids = new byte[6][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Sha256.digest(new byte[] {(byte) ('a' + i)});
        }
        List<byte[]> abc = List.of(ids[0], ids[1], ids[2]);
        List<byte[]> abcc = List.of(ids[0], ids[1], ids[2], ids[2]);
        List<byte[]> af = List.of(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);
        List<byte[]> afef = List.of(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[4], ids[5]);

        assertArrayEquals(duplicatingRoot(abc), duplicatingRoot(abcc));
        assertArrayEquals(duplicatingRoot(af), duplicatingRoot(afef));

        assertNotEquals(Sha256.hex(MerkleTree.root(leaves(abc))), Sha256.hex(MerkleTree.root(leaves(abcc))));
        assertNotEquals(Sha256.hex(MerkleTree.root(leaves(af))), Sha256.hex(MerkleTree.root(leaves(afef))));
    }

    private static List<byte[]> leaves(List<byte[]> data) {
        return data.stream().map(MerkleTree::leafHash).toList();
    }

    /** Bitcoin's Merkle root: double SHA-256, odd last hash paired with a copy of itself. */
    private static byte[] duplicatingRoot(List<byte[]> txids) {
        List<byte[]> level = new ArrayList<>(txids);
        while (level.size() > 1) {
            if (level.size() % 2 == 1) {
                level.add(level.get(level.size() - 1));
            }
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                next.add(Sha256.digest(Sha256.digest(level.get(i), level.get(i + 1))));
            }
            level = next;
        }
        return level.get(0);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Sha256::hex).toList();
    }
}
