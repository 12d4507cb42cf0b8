package org.solarmarket.ledger.chain;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.solarmarket.ledger.crypto.Sha256;

/**
 * The Merkle tree hash of RFC 6962 section 2.1 (Certificate Transparency), with its audit paths.
 *
 * <p>Leaves hash as {@code SHA-256(0x00 || data)} and interior nodes as
 * {@code SHA-256(0x01 || left || right)}, so no leaf can pass for a node. A tree of n leaves
 * splits at the largest power of two below n, and an odd last leaf is promoted rather than paired
 * with a copy of itself, so {@code [a, b, c]} and {@code [a, b, c, c]} have different roots. The
 * empty tree's root is {@code SHA-256("")}.
 */
public final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Computes the root over leaf hashes (not leaf data). */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return Sha256.digest();
        }
        return subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    private static byte[] subtreeRoot(List<byte[]> leafHashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(subtreeRoot(leafHashes, from, from + k), subtreeRoot(leafHashes, from + k, to));
    }

    /**
     * The audit path of leaf {@code index} (RFC 6962 section 2.1.1): the sibling hashes from the
     * leaf up to the root.
     */
    public static List<byte[]> auditPath(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of " + leafHashes.size()
                    + " leaves");
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(leafHashes, index, 0, leafHashes.size(), path);
        return path;
    }

    private static void collectPath(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < from + k) {
            collectPath(leaves, index, from, from + k, path);
            path.add(subtreeRoot(leaves, from + k, to));
        } else {
            collectPath(leaves, index, from + k, to, path);
            path.add(subtreeRoot(leaves, from, from + k));
        }
    }

    /**
     * Verifies an audit path with the algorithm of RFC 9162 section 2.1.3.2, which needs nothing
     * but the leaf hash, its index, the tree size, the path and the expected root.
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
