package org.solarmarket.ledger.wallet;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.crypto.SealedBox;

/**
 * A wallet's four PKCS #8 private keys, each sealed with AES-256-GCM under the master key. The
 * associated data is {@code wallet-key/<owner>/<algorithm>}, so a sealed key copied into another
 * wallet or slot fails to open.
 */
public record SealedPrivateKeys(
        @JsonProperty("ed25519") SealedBox ed25519,
        @JsonProperty("ml_dsa_65") SealedBox mlDsa65,
        @JsonProperty("ml_kem_768") SealedBox mlKem768,
        @JsonProperty("x25519") SealedBox x25519) {

    public SealedBox get(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> ed25519;
            case ML_DSA_65 -> mlDsa65;
            case ML_KEM_768 -> mlKem768;
            case X25519 -> x25519;
        };
    }

    static String associatedData(String owner, KeyAlgorithm algorithm) {
        return "wallet-key/" + owner + "/" + algorithm.wireName();
    }
}
