package org.solarmarket.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks an inclusion proof from {@code GET /chain/tx/{id}/proof} with SHA-256 alone, following
 * the verification algorithm of RFC 9162 section 2.1.3.2 (leaf prefix 0x00, node prefix 0x01), and
 * the block header: its bytes 8 to 39 are the Merkle root and its SHA-256 is the block hash.
 * It shares no code with the ledger.
 */
final class InclusionProofVerifier {

    private InclusionProofVerifier() {
    }

    /** Returns null when the proof holds, or the reason it does not. */
    static String verify(JsonNode proof) {
        HexFormat hex = HexFormat.of();
        byte[] leafData = Base64.getDecoder().decode(proof.path("leaf_data").asText());
        long index = proof.path("leaf_index").asLong(-1);
        long size = proof.path("tree_size").asLong(-1);
        if (index < 0 || index >= size) {
            return "leaf index " + index + " outside tree size " + size;
        }
        byte[] hash = sha256(new byte[] {0x00}, leafData);
        long fn = index;
        long sn = size - 1;
        for (JsonNode step : proof.path("audit_path")) {
            byte[] sibling = hex.parseHex(step.asText());
            if (sn == 0) {
                return "audit path is longer than the tree allows";
            }
            if ((fn & 1) == 1 || fn == sn) {
                hash = sha256(new byte[] {0x01}, sibling, hash);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                hash = sha256(new byte[] {0x01}, hash, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return "audit path is shorter than the tree needs";
        }
        String root = proof.path("merkle_root").asText();
        if (!hex.formatHex(hash).equals(root)) {
            return "computed root " + hex.formatHex(hash) + " differs from merkle_root " + root;
        }
        byte[] header = hex.parseHex(proof.path("block_header").asText());
        String headerRoot = hex.formatHex(java.util.Arrays.copyOfRange(header, 8, 40));
        if (!headerRoot.equals(root)) {
            return "block header carries root " + headerRoot + ", not " + root;
        }
        String blockHash = hex.formatHex(sha256(header));
        if (!blockHash.equals(proof.path("block_hash").asText())) {
            return "SHA-256 of the block header is " + blockHash + ", not " + proof.path("block_hash").asText();
        }
        return null;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
