package org.solarmarket.ledger.wallet;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.crypto.MasterKey;
import org.solarmarket.ledger.crypto.PublicKeys;
import org.solarmarket.ledger.crypto.SealedBox;

/** Generates, seals and opens the four key pairs of a wallet. */
public final class KeyRing {

    private KeyRing() {
    }

    /** Fresh public keys and their private keys sealed under the master key. */
    public record Generated(PublicKeys publicKeys, SealedPrivateKeys privateKeys) {
    }

    public static Generated generate(String owner, MasterKey masterKey) {
        Map<KeyAlgorithm, String> publicKeys = new EnumMap<>(KeyAlgorithm.class);
        Map<KeyAlgorithm, SealedBox> sealed = new EnumMap<>(KeyAlgorithm.class);
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            KeyPair pair = algorithm.generateKeyPair();
            publicKeys.put(algorithm, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            sealed.put(algorithm, masterKey.seal(pkcs8, SealedPrivateKeys.associatedData(owner, algorithm)));
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
        return new Generated(
                new PublicKeys(publicKeys.get(KeyAlgorithm.ED25519), publicKeys.get(KeyAlgorithm.ML_DSA_65),
                        publicKeys.get(KeyAlgorithm.ML_KEM_768), publicKeys.get(KeyAlgorithm.X25519)),
                new SealedPrivateKeys(sealed.get(KeyAlgorithm.ED25519), sealed.get(KeyAlgorithm.ML_DSA_65),
                        sealed.get(KeyAlgorithm.ML_KEM_768), sealed.get(KeyAlgorithm.X25519)));
    }

    /**
     * Opens one private key.
     *
     * @throws IllegalStateException when the sealed key does not open under the master key
     */
    public static PrivateKey open(String owner, SealedPrivateKeys keys, KeyAlgorithm algorithm, MasterKey masterKey) {
        byte[] pkcs8;
        try {
            pkcs8 = masterKey.open(keys.get(algorithm), SealedPrivateKeys.associatedData(owner, algorithm));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the " + algorithm.standardName() + " private key of " + owner
                    + " does not open under the master key: the wallet record was altered or the key differs", e);
        }
        try {
            return algorithm.decodePrivate(pkcs8);
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
