package org.solarmarket.ledger.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.AEADBadTagException;
import org.jboss.logging.Logger;
import org.solarmarket.ledger.config.LedgerConfig;
import org.solarmarket.ledger.crypto.MasterKey;
import org.solarmarket.ledger.crypto.SealedBox;

/**
 * The ledger's data folder and master key. On first use it checks that the master key is the one
 * the folder's secrets were sealed with, through a sealed check value kept in
 * {@code master-key.check}, so a wrong key fails at startup instead of at the first signature.
 */
@ApplicationScoped
public class DataFolder {

    private static final Logger LOG = Logger.getLogger(DataFolder.class);
    private static final String CHECK_FILE = "master-key.check";
    private static final String CHECK_PURPOSE = "master-key-check";
    private static final byte[] CHECK_PLAINTEXT = "solarmarket ledger master key".getBytes(StandardCharsets.US_ASCII);

    @Inject
    LedgerConfig config;

    private Path root;
    private MasterKey masterKey;

    @PostConstruct
    void open() {
        root = config.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            boolean generate = config.generateMasterKey();
            masterKey = MasterKey.load(config.masterKey(), config.masterKeyFile(), root, generate);
            verifyMasterKey();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to open the ledger data folder " + root, e);
        }
        LOG.infof("Ledger data folder %s, master key from %s", root, masterKey.source());
    }

    private void verifyMasterKey() throws IOException {
        Path check = root.resolve(CHECK_FILE);
        if (!Files.exists(check)) {
            Files.write(check, StorageJson.write(masterKey.seal(CHECK_PLAINTEXT, CHECK_PURPOSE)));
            return;
        }
        SealedBox box = StorageJson.read(Files.readAllBytes(check), SealedBox.class);
        try {
            masterKey.open(box, CHECK_PURPOSE);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the master key from " + masterKey.source() + " is not the key that"
                    + " sealed the secrets in " + root + "; supply the original key", e);
        }
    }

    public Path resolve(String fileName) {
        return root.resolve(fileName);
    }

    public Path root() {
        return root;
    }

    public MasterKey masterKey() {
        return masterKey;
    }
}
