package org.solarmarket.ledger.crypto;

import com.fasterxml.jackson.annotation.JsonValue;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The four key types of a wallet. Public keys travel as DER SubjectPublicKeyInfo (X.509),
 * private keys as DER PKCS #8, so any standard library can import them.
 */
public enum KeyAlgorithm {
    /** Signatures, RFC 8032, from BouncyCastle, whose implementation verifies several times faster than the JDK's. */
    ED25519("ed25519", "Ed25519", "Ed25519", BouncyCastle.PROVIDER),
    /** Post-quantum signatures, FIPS 204 parameter set ML-DSA-65, from BouncyCastle. */
    ML_DSA_65("ml_dsa_65", "ML-DSA-65", "ML-DSA", BouncyCastle.PROVIDER),
    /** Post-quantum key encapsulation, FIPS 203 parameter set ML-KEM-768, from BouncyCastle. */
    ML_KEM_768("ml_kem_768", "ML-KEM-768", "ML-KEM", BouncyCastle.PROVIDER),
    /** Elliptic-curve Diffie-Hellman, RFC 7748, from the JDK. */
    X25519("x25519", "X25519", "X25519", null);

    private final String wireName;
    private final String generatorName;
    private final String factoryName;
    private final Provider provider;

    KeyAlgorithm(String wireName, String generatorName, String factoryName, Provider provider) {
        this.wireName = wireName;
        this.generatorName = generatorName;
        this.factoryName = factoryName;
        this.provider = provider;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Returns the algorithm's standard name, e.g. {@code ML-DSA-65}. */
    public String standardName() {
        return generatorName;
    }

    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = provider == null
                    ? KeyPairGenerator.getInstance(generatorName)
                    : KeyPairGenerator.getInstance(generatorName, provider);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("failed to generate a " + generatorName + " key pair", e);
        }
    }

    public PublicKey decodePublic(byte[] subjectPublicKeyInfo) {
        try {
            return factory().generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid " + generatorName + " public key: " + e.getMessage(), e);
        }
    }

    public PrivateKey decodePrivate(byte[] pkcs8) {
        try {
            return factory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid " + generatorName + " private key: " + e.getMessage(), e);
        }
    }

    Provider provider() {
        return provider;
    }

    private KeyFactory factory() throws GeneralSecurityException {
        return provider == null ? KeyFactory.getInstance(factoryName) : KeyFactory.getInstance(factoryName, provider);
    }
}
