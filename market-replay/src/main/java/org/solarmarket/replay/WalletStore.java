package org.solarmarket.replay;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import org.solarmarket.contracts.Json;

/**
 * The API tokens of the replay's wallets, kept in {@code wallets.json} (owner read and write only)
 * so a restarted replay keeps trading with the wallets it created before.
 */
final class WalletStore {

    private final Path file;
    private final TreeMap<String, String> tokens = new TreeMap<>();

    WalletStore(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        this.file = stateDir.resolve("wallets.json");
        if (Files.exists(file)) {
            tokens.putAll(Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {
            }));
        }
    }

    String token(String userId) {
        return tokens.get(userId);
    }

    void put(String userId, String token) throws IOException {
        tokens.put(userId, token);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, Json.write(tokens));
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; the folder's own permissions apply.
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
