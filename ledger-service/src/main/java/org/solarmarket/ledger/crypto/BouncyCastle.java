package org.solarmarket.ledger.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle JCA provider, used as an object so that it never has to be registered
 * globally. It supplies ML-DSA (FIPS 204) and ML-KEM (FIPS 203); the JDK supplies Ed25519, X25519,
 * AES-GCM and SHA-256.
 */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
