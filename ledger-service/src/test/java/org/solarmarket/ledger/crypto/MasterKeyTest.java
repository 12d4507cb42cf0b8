package org.solarmarket.ledger.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    @TempDir
    Path folder;

    @Test
    void generatedKeyIsOwnerOnlyAndReloaded() throws Exception {
        MasterKey generated = MasterKey.load(Optional.empty(), Optional.empty(), folder, true);
        Path file = folder.resolve(MasterKey.FILE_NAME);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        SealedBox box = generated.seal("secret".getBytes(), "purpose");
        MasterKey reloaded = MasterKey.load(Optional.empty(), Optional.empty(), folder, false);
        assertArrayEquals("secret".getBytes(), reloaded.open(box, "purpose"));
    }

    @Test
    void missingKeyWithoutGenerationFailsNamingSettings() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterKey.load(Optional.empty(), Optional.empty(), folder, false));
        assertTrue(e.getMessage().contains("SOLARMARKET_LEDGER_MASTER_KEY"), e.getMessage());
    }

    @Test
    void configuredKeyWinsAndWrongLengthIsRejected() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        MasterKey configured = MasterKey.load(Optional.of(key), Optional.empty(), folder, true);
        assertEquals("solarmarket.ledger.master-key", configured.source());
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThrows(IllegalArgumentException.class,
                () -> MasterKey.load(Optional.of(shortKey), Optional.empty(), folder, true));
    }

    @Test
    void keyFileIsRead() throws Exception {
        Path secret = folder.resolve("secret");
        Files.writeString(secret, Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        assertEquals(secret.toString(), MasterKey.load(Optional.empty(), Optional.of(secret), folder, false).source());
    }

    @Test
    void wrongAssociatedDataFailsToOpen() {
        MasterKey key = MasterKey.of(new byte[32], "test");
        SealedBox box = key.seal("secret".getBytes(), "wallet-key/alice/ed25519");
        assertThrows(javax.crypto.AEADBadTagException.class, () -> key.open(box, "wallet-key/bob/ed25519"));
    }
}
