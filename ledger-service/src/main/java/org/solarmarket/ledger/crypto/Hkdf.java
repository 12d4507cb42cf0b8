package org.solarmarket.ledger.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869), extract then expand, from BouncyCastle's lightweight API. */
public final class Hkdf {

    private Hkdf() {
    }

    public static byte[] deriveKey(byte[] inputKeyMaterial, byte[] salt, byte[] info, int lengthBytes) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(inputKeyMaterial, salt, info));
        byte[] output = new byte[lengthBytes];
        generator.generateBytes(output, 0, lengthBytes);
        return output;
    }
}
