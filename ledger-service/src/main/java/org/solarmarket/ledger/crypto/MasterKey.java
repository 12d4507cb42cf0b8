package org.solarmarket.ledger.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The 256-bit key that encrypts every private key and session key the ledger stores.
 *
 * <p>Sources, first match wins: the configured base64 value ({@code solarmarket.ledger.master-key},
 * env {@code SOLARMARKET_LEDGER_MASTER_KEY}), then a file holding that base64 value
 * ({@code solarmarket.ledger.master-key-file}, e.g. a mounted Kubernetes secret), then
 * {@code master.key} in the data folder. When none exists and generation is allowed (dev and
 * test profiles), a new key is written to {@code master.key} readable by its owner only.
 */
public final class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class);
    static final String FILE_NAME = "master.key";

    private final byte[] key;
    private final String source;

    private MasterKey(byte[] key, String source) {
        this.key = key;
        this.source = source;
    }

    public static MasterKey of(byte[] key, String source) {
        if (key.length != Aead.KEY_BYTES) {
            throw new IllegalArgumentException("invalid master key from " + source + ": it must be 32 bytes, got "
                    + key.length + "; generate one with 'openssl rand -base64 32'");
        }
        return new MasterKey(key.clone(), source);
    }

    /**
     * Loads the master key from the first source that has one, or generates it.
     *
     * @throws IllegalStateException when no source has a key and {@code generate} is false
     */
    public static MasterKey load(Optional<String> configured, Optional<Path> keyFile, Path dataDir, boolean generate)
            throws IOException {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return of(decode(configured.get(), "solarmarket.ledger.master-key"), "solarmarket.ledger.master-key");
        }
        if (keyFile.isPresent()) {
            Path file = keyFile.get();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("master key file " + file.toAbsolutePath() + " does not exist;"
                        + " point solarmarket.ledger.master-key-file at a file that holds the base64 key");
            }
            return of(decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()), file.toString());
        }
        Path local = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(local)) {
            return of(decode(Files.readString(local, StandardCharsets.US_ASCII).trim(), local.toString()), local.toString());
        }
        if (!generate) {
            throw new IllegalStateException("no master key configured: set SOLARMARKET_LEDGER_MASTER_KEY to the base64"
                    + " of 32 random bytes (openssl rand -base64 32), or SOLARMARKET_LEDGER_MASTER_KEY_FILE to a file"
                    + " that holds it; SOLARMARKET_LEDGER_GENERATE_MASTER_KEY=true generates one in " + local);
        }
        return generate(local);
    }

    private static MasterKey generate(Path file) throws IOException {
        byte[] key = new byte[Aead.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("master key file " + file + " appeared while generating one; restart", e);
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions (Windows): the folder's ACL protects the key.
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        LOG.warnf("Generated a new master key in %s (readable by its owner only); in production supply"
                + " SOLARMARKET_LEDGER_MASTER_KEY or SOLARMARKET_LEDGER_MASTER_KEY_FILE instead", file.toAbsolutePath());
        return new MasterKey(key, file.toString());
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid master key from " + source + ": it is not base64", e);
        }
    }

    /** Where the key came from, for logs; never the key itself. */
    public String source() {
        return source;
    }

    public SealedBox seal(byte[] plaintext, String associatedData) {
        return Aead.seal(key, plaintext, associatedData);
    }

    public byte[] open(SealedBox box, String associatedData) throws javax.crypto.AEADBadTagException {
        return Aead.open(key, box, associatedData);
    }

    @Override
    public String toString() {
        return "MasterKey[source=" + source + "]";
    }
}
