package org.solarmarket.ledger.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Asset;
import org.solarmarket.ledger.chain.EncryptedPayload;
import org.solarmarket.ledger.crypto.KeyAlgorithm;

class HybridKeyExchangeTest {

    private final KeyPair bobKem = KeyAlgorithm.ML_KEM_768.generateKeyPair();
    private final KeyPair bobX25519 = KeyAlgorithm.X25519.generateKeyPair();
    private final byte[] bb84 = new byte[32];

    @Test
    void bothSidesDeriveSameKey() {
        HybridKeyExchange.Initiation initiation = HybridKeyExchange.initiate(bobKem.getPublic(), bobX25519.getPublic());
        assertEquals(1088, initiation.offer().kemCiphertext().length, "ML-KEM-768 ciphertext size (FIPS 203)");
        byte[][] bob = HybridKeyExchange.respond(initiation.offer(), bobKem.getPrivate(), bobX25519.getPrivate());
        assertArrayEquals(initiation.kemSecret(), bob[0]);
        assertArrayEquals(initiation.x25519Secret(), bob[1]);

        byte[] keyA = HybridKeyExchange.deriveSessionKey(bb84, initiation.kemSecret(), initiation.x25519Secret(),
                initiation.offer(), "alice", "bob");
        byte[] keyB = HybridKeyExchange.deriveSessionKey(bb84, bob[0], bob[1], initiation.offer(), "alice", "bob");
        assertEquals(32, keyA.length);
        assertArrayEquals(keyA, keyB);
        assertEquals(HybridKeyExchange.fingerprint(keyA), HybridKeyExchange.fingerprint(keyB));
    }

    @Test
    void wrongPrivateKeyGivesDifferentKey() {
        HybridKeyExchange.Initiation initiation = HybridKeyExchange.initiate(bobKem.getPublic(), bobX25519.getPublic());
        KeyPair eveKem = KeyAlgorithm.ML_KEM_768.generateKeyPair();
        byte[][] eve = HybridKeyExchange.respond(initiation.offer(), eveKem.getPrivate(), bobX25519.getPrivate());
        // ML-KEM decapsulation with the wrong key returns a pseudorandom secret (implicit rejection).
        assertFalse(Arrays.equals(initiation.kemSecret(), eve[0]));
    }

    @Test
    void differentBb84KeysGiveDifferentSessionKeys() {
        HybridKeyExchange.Initiation initiation = HybridKeyExchange.initiate(bobKem.getPublic(), bobX25519.getPublic());
        byte[] other = bb84.clone();
        other[0] = 1;
        byte[] keyA = HybridKeyExchange.deriveSessionKey(bb84, initiation.kemSecret(), initiation.x25519Secret(),
                initiation.offer(), "alice", "bob");
        byte[] keyB = HybridKeyExchange.deriveSessionKey(other, initiation.kemSecret(), initiation.x25519Secret(),
                initiation.offer(), "alice", "bob");
        assertFalse(Arrays.equals(keyA, keyB));
    }

    @Test
    void payloadOpensOnlyForItsTransaction() throws Exception {
        byte[] key = new byte[32];
        key[5] = 9;
        EncryptedPayload payload = PayloadCipher.encrypt("channel-1", key, "fill-1", Asset.CREDITS,
                "secret".getBytes());
        assertArrayEquals("secret".getBytes(), PayloadCipher.decrypt(key, payload, "fill-1", Asset.CREDITS));
        org.junit.jupiter.api.Assertions.assertThrows(javax.crypto.AEADBadTagException.class,
                () -> PayloadCipher.decrypt(key, payload, "fill-2", Asset.CREDITS));
        org.junit.jupiter.api.Assertions.assertThrows(javax.crypto.AEADBadTagException.class,
                () -> PayloadCipher.decrypt(key, payload, "fill-1", Asset.ENERGY_KWH));
    }
}
