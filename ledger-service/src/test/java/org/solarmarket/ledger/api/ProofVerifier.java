package org.solarmarket.ledger.api;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks an inclusion proof the way an outside client would, with nothing but the JDK's SHA-256
 * and the steps of RFC 9162 section 2.1.3.2; it shares no code with the service.
 */
public final class ProofVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private ProofVerifier() {
    }

    public static boolean verify(String leafDataBase64, long index, long size, List<String> path, String rootHex,
                          String headerHex, String blockHashHex) throws Exception {
        byte[] leafData = Base64.getDecoder().decode(leafDataBase64);
        byte[] r = sha256(new byte[] {0}, leafData);
        long fn = index;
        long sn = size - 1;
        for (String hex : path) {
            byte[] p = HEX.parseHex(hex);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = sha256(new byte[] {1}, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = sha256(new byte[] {1}, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0 || !Arrays.equals(r, HEX.parseHex(rootHex))) {
            return false;
        }
        byte[] header = HEX.parseHex(headerHex);
        boolean rootInHeader = Arrays.equals(Arrays.copyOfRange(header, 8, 40), HEX.parseHex(rootHex));
        return rootInHeader && Arrays.equals(sha256(header), HEX.parseHex(blockHashHex));
    }

    private static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
