package org.solarmarket.ledger.crypto;

import java.util.Base64;

/**
 * AES-256-GCM ciphertext with its 96-bit nonce; the 128-bit tag is the ciphertext's last 16
 * bytes. Both parts are base64 in JSON.
 */
public record SealedBox(String nonce, String ciphertext) {

    public SealedBox {
        if (nonce == null || ciphertext == null) {
            throw new IllegalArgumentException("a sealed box needs both nonce and ciphertext");
        }
    }

    static SealedBox of(byte[] nonce, byte[] ciphertext) {
        return new SealedBox(Base64.getEncoder().encodeToString(nonce), Base64.getEncoder().encodeToString(ciphertext));
    }

    byte[] nonceBytes() {
        return Base64.getDecoder().decode(nonce);
    }

    byte[] ciphertextBytes() {
        return Base64.getDecoder().decode(ciphertext);
    }
}
