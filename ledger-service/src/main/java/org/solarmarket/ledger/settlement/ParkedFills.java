package org.solarmarket.ledger.settlement;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Fill;
import org.solarmarket.ledger.store.DataFolder;
import org.solarmarket.ledger.store.RecordLog;
import org.solarmarket.ledger.store.StorageJson;

/**
 * Fills that cannot be signed yet because the buyer or the seller has no wallet, kept in
 * {@code parked.log} until both have one. Keeping them lets the consumer commit its offset
 * without losing the fill.
 */
@ApplicationScoped
public class ParkedFills {

    private static final Logger LOG = Logger.getLogger(ParkedFills.class);

    @Inject
    DataFolder folder;

    private RecordLog log;
    private final Map<String, Fill> parked = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        try {
            log = RecordLog.open(folder.resolve("parked.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to open parked.log", e);
        }
        for (byte[] record : log.recoveredRecords()) {
            Fill fill = StorageJson.read(record, Fill.class);
            parked.put(fill.tradeId(), fill);
        }
        if (!parked.isEmpty()) {
            LOG.infof("Loaded %d fills waiting for a wallet", parked.size());
        }
    }

    @PreDestroy
    void close() throws IOException {
        log.close();
    }

    public synchronized void addAll(List<Fill> fills) throws IOException {
        if (fills.isEmpty()) {
            return;
        }
        log.appendAll(fills.stream().map(StorageJson::write).toList());
        fills.forEach(fill -> parked.put(fill.tradeId(), fill));
    }

    public synchronized List<Fill> all() {
        return new ArrayList<>(parked.values());
    }

    public synchronized boolean contains(String tradeId) {
        return parked.containsKey(tradeId);
    }

    /** Removes fills that are now pending and rewrites the file. */
    public synchronized void removeAll(Collection<String> tradeIds) throws IOException {
        tradeIds.forEach(parked::remove);
        log.rewrite(parked.values().stream().map(StorageJson::write).toList());
    }

    public synchronized int size() {
        return parked.size();
    }
}
