package org.solarmarket.ledger.crypto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Base64;

/** A wallet's four public keys, each the base64 of its DER SubjectPublicKeyInfo. */
public record PublicKeys(
        @JsonProperty("ed25519") String ed25519,
        @JsonProperty("ml_dsa_65") String mlDsa65,
        @JsonProperty("ml_kem_768") String mlKem768,
        @JsonProperty("x25519") String x25519) {

    public String get(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> ed25519;
            case ML_DSA_65 -> mlDsa65;
            case ML_KEM_768 -> mlKem768;
            case X25519 -> x25519;
        };
    }

    public java.security.PublicKey decode(KeyAlgorithm algorithm) {
        return algorithm.decodePublic(Base64.getDecoder().decode(get(algorithm)));
    }
}
