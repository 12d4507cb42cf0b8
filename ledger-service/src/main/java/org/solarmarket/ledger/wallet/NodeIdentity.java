package org.solarmarket.ledger.wallet;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.solarmarket.ledger.chain.Transaction;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.crypto.PublicKeys;
import org.solarmarket.ledger.store.DataFolder;
import org.solarmarket.ledger.store.RecordLog;
import org.solarmarket.ledger.store.StorageJson;

/**
 * The ledger node's own key pairs, which sign the reward transaction of every block it mines as
 * {@link Transaction#COINBASE}. Created on first start in {@code node.log}, sealed like a wallet's.
 */
@ApplicationScoped
public class NodeIdentity {

    private static final Logger LOG = Logger.getLogger(NodeIdentity.class);

    @Inject
    DataFolder folder;

    private WalletRecord node;

    @PostConstruct
    void load() {
        try (RecordLog log = RecordLog.open(folder.resolve("node.log"))) {
            if (!log.recoveredRecords().isEmpty()) {
                node = StorageJson.read(log.recoveredRecords().get(0), WalletRecord.class);
                return;
            }
            KeyRing.Generated keys = KeyRing.generate(Transaction.COINBASE, folder.masterKey());
            node = new WalletRecord(Transaction.COINBASE, "-", "-", keys.publicKeys(), keys.privateKeys(),
                    Instant.now());
            log.append(StorageJson.write(node));
            LOG.infof("Generated the node's signing keys in %s", log.file());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to open the node keys", e);
        }
    }

    public PublicKeys publicKeys() {
        return node.publicKeys();
    }

    public PrivateKey privateKey(KeyAlgorithm algorithm) {
        return KeyRing.open(Transaction.COINBASE, node.privateKeys(), algorithm, folder.masterKey());
    }
}
