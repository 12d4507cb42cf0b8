package org.solarmarket.ledger.quantum;

import javax.crypto.AEADBadTagException;
import org.solarmarket.contracts.Asset;
import org.solarmarket.ledger.chain.EncryptedPayload;
import org.solarmarket.ledger.crypto.Aead;
import org.solarmarket.ledger.crypto.SealedBox;

/**
 * Encrypts a transaction's private payload with a channel's session key (AES-256-GCM). The
 * associated data {@code payload/<channel id>/<fill id>/<asset>} ties the ciphertext to its
 * transaction, so it cannot be moved to another one.
 */
public final class PayloadCipher {

    private PayloadCipher() {
    }

    public static EncryptedPayload encrypt(String channelId, byte[] sessionKey, String fillId, Asset asset,
                                           byte[] plaintext) {
        SealedBox box = Aead.seal(sessionKey, plaintext, associatedData(channelId, fillId, asset));
        return new EncryptedPayload(channelId, box.nonce(), box.ciphertext());
    }

    public static byte[] decrypt(byte[] sessionKey, EncryptedPayload payload, String fillId, Asset asset)
            throws AEADBadTagException {
        return Aead.open(sessionKey, new SealedBox(payload.nonce(), payload.ciphertext()),
                associatedData(payload.channelId(), fillId, asset));
    }

    private static String associatedData(String channelId, String fillId, Asset asset) {
        return "payload/" + channelId + "/" + fillId + "/" + asset.wireName();
    }
}
