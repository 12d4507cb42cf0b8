package org.solarmarket.ledger.settlement;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.BlockAnnouncement;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.ledger.chain.Block;
import org.solarmarket.ledger.chain.Chain;
import org.solarmarket.ledger.chain.Transaction;
import org.solarmarket.ledger.config.LedgerConfig;
import org.solarmarket.ledger.kafka.LedgerProducer;
import org.solarmarket.ledger.store.DataFolder;

/**
 * Announces stored blocks on {@link Topics#BLOCKS}, keyed by the chain id. The highest index the
 * broker acknowledged is kept in {@code announced.index}; at startup every later block is
 * announced again, so each block is announced at least once. Consumers recognise a repeat by its
 * index and hash.
 */
@ApplicationScoped
public class BlockPublisher {

    private static final Logger LOG = Logger.getLogger(BlockPublisher.class);

    @Inject
    LedgerProducer producer;

    @Inject
    LedgerConfig config;

    @Inject
    DataFolder folder;

    @Inject
    Chain chain;

    private long acknowledgedIndex = -1;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        acknowledgedIndex = readMarker();
        List<Block> unannounced = chain.blocks().stream().filter(block -> block.index() > acknowledgedIndex).toList();
        if (!unannounced.isEmpty()) {
            LOG.infof("Announcing %d blocks from index %d that the broker has not acknowledged", unannounced.size(),
                    unannounced.get(0).index());
        }
        unannounced.forEach(this::announce);
    }

    /** Sends the announcement of a block that is already on disk. */
    public void announce(Block block) {
        BlockAnnouncement announcement = announcementOf(block);
        producer.send(Topics.BLOCKS, config.chainId(), Json.write(announcement), (metadata, error) -> {
            if (error != null) {
                LOG.errorf("[block %d] announcement failed: %s; it is sent again at the next start", block.index(),
                        error.getMessage());
                return;
            }
            acknowledge(block.index());
        });
    }

    static BlockAnnouncement announcementOf(Block block) {
        return new BlockAnnouncement(block.index(), block.hash(), block.previousHash(), block.merkleRoot(),
                block.timestamp(), block.nonce(),
                block.transactions().stream().map(Transaction::id).toList(),
                block.transactions().stream().map(Transaction::fillId).filter(Objects::nonNull).distinct().toList());
    }

    private synchronized void acknowledge(long index) {
        if (index <= acknowledgedIndex) {
            return;
        }
        acknowledgedIndex = index;
        Path marker = folder.resolve("announced.index");
        Path temporary = folder.resolve("announced.index.tmp");
        try {
            Files.writeString(temporary, Long.toString(index), StandardCharsets.US_ASCII);
            Files.move(temporary, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warnf("[block %d] could not record the announcement: %s; it may be announced again", index,
                    e.getMessage());
        }
    }

    private long readMarker() {
        Path marker = folder.resolve("announced.index");
        try {
            return Files.exists(marker) ? Long.parseLong(Files.readString(marker, StandardCharsets.US_ASCII).trim())
                    : -1;
        } catch (IOException | NumberFormatException e) {
            LOG.warnf("Could not read %s (%s); announcing every block again", marker, e.getMessage());
            return -1;
        }
    }
}
