package org.solarmarket.ledger.settlement;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.solarmarket.ledger.chain.Chain;
import org.solarmarket.ledger.chain.Transaction;
import org.solarmarket.ledger.store.DataFolder;
import org.solarmarket.ledger.store.RecordLog;
import org.solarmarket.ledger.store.StorageJson;

/**
 * Signed transactions waiting for a block, kept in {@code pending.log} in arrival order. Each
 * record holds all transactions of one fill, so a torn write loses a whole fill (which Kafka then
 * delivers again) and never one leg of it. After each block the file is rewritten without the
 * transactions the block took.
 */
@ApplicationScoped
public class PendingPool {

    private static final Logger LOG = Logger.getLogger(PendingPool.class);

    @Inject
    DataFolder folder;

    @Inject
    Chain chain;

    private RecordLog log;
    private final Map<String, Transaction> pending = new LinkedHashMap<>();
    private final Set<String> fillIds = new HashSet<>();

    /** The transactions of one fill, as one record. */
    public record PendingGroup(List<Transaction> transactions) {
    }

    @PostConstruct
    void load() {
        try {
            log = RecordLog.open(folder.resolve("pending.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to open pending.log", e);
        }
        int alreadyInBlocks = 0;
        for (byte[] record : log.recoveredRecords()) {
            for (Transaction tx : StorageJson.read(record, PendingGroup.class).transactions()) {
                if (chain.findTransaction(tx.id()).isPresent()) {
                    alreadyInBlocks++;
                } else {
                    add(tx);
                }
            }
        }
        if (alreadyInBlocks > 0) {
            LOG.infof("Dropping %d pending transactions that a stored block already holds", alreadyInBlocks);
            compact();
        }
        LOG.infof("Loaded %d pending transactions", pending.size());
    }

    @PreDestroy
    void close() throws IOException {
        log.close();
    }

    private void add(Transaction tx) {
        pending.put(tx.id(), tx);
        if (tx.fillId() != null) {
            fillIds.add(tx.fillId());
        }
    }

    /** Appends groups, one record each, forces them to disk, and wakes the miner. */
    public synchronized void addGroups(List<PendingGroup> groups) throws IOException {
        if (groups.isEmpty()) {
            return;
        }
        List<byte[]> records = new ArrayList<>(groups.size());
        for (PendingGroup group : groups) {
            records.add(StorageJson.write(group));
        }
        log.appendAll(records);
        for (PendingGroup group : groups) {
            group.transactions().forEach(this::add);
        }
        notifyAll();
    }

    /**
     * Waits until a transaction is pending, then returns up to {@code max} of the oldest, which
     * stay pending until {@link #removeIncluded} is called.
     *
     * @return an empty list when {@code timeoutMillis} passes first
     */
    public synchronized List<Transaction> awaitBatch(int max, long timeoutMillis) throws InterruptedException {
        if (pending.isEmpty()) {
            wait(timeoutMillis);
        }
        return pending.values().stream().limit(max).toList();
    }

    /** Removes transactions that a stored block now holds and rewrites the file. */
    public synchronized void removeIncluded(Collection<String> transactionIds) {
        transactionIds.forEach(pending::remove);
        fillIds.clear();
        pending.values().forEach(tx -> {
            if (tx.fillId() != null) {
                fillIds.add(tx.fillId());
            }
        });
        compact();
    }

    private void compact() {
        List<byte[]> records = pending.values().stream()
                .map(tx -> StorageJson.write(new PendingGroup(List.of(tx))))
                .toList();
        try {
            log.rewrite(records);
        } catch (IOException e) {
            // The old file is still intact; a restart drops what blocks already hold.
            LOG.errorf("Could not compact pending.log (%d transactions pending): %s", pending.size(), e.getMessage());
        }
    }

    public synchronized boolean containsFill(String fillId) {
        return fillIds.contains(fillId);
    }

    public synchronized int size() {
        return pending.size();
    }
}
