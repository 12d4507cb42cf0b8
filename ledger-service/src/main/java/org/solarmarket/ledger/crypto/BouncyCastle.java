package org.solarmarket.ledger.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle JCA provider, used as an object so that it never has to be registered
 * globally. It supplies ML-DSA (FIPS 204), ML-KEM (FIPS 203) and Ed25519; the JDK supplies X25519,
 * AES-GCM and SHA-256.
 */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
