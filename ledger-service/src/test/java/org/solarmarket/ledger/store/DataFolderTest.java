package org.solarmarket.ledger.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.solarmarket.ledger.config.LedgerConfig;

class DataFolderTest {

    @TempDir
    Path folder;

    private DataFolder open(byte[] key) {
        String base64 = Base64.getEncoder().encodeToString(key);
        LedgerConfig config = (LedgerConfig) Proxy.newProxyInstance(LedgerConfig.class.getClassLoader(),
                new Class<?>[] {LedgerConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "dataDir" -> folder;
                    case "masterKey" -> Optional.of(base64);
                    case "masterKeyFile" -> Optional.empty();
                    case "generateMasterKey" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        DataFolder dataFolder = new DataFolder();
        dataFolder.config = config;
        dataFolder.open();
        return dataFolder;
    }

    @Test
    void sameKeyReopensFolder() {
        open(new byte[32]);
        assertDoesNotThrow(() -> open(new byte[32]));
    }

    @Test
    void differentKeyIsRejectedAtStartup() {
        open(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(other));
        assertTrue(e.getMessage().contains("supply the original key"), e.getMessage());
    }
}
