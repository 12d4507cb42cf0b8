package org.solarmarket.ledger.chain;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.solarmarket.ledger.config.LedgerConfig;
import org.solarmarket.ledger.crypto.Sha256;
import org.solarmarket.ledger.store.DataFolder;
import org.solarmarket.ledger.store.RecordLog;
import org.solarmarket.ledger.store.StorageJson;

/**
 * The chain: blocks in {@code blocks.log}, one JSON record per block, and their indexes in memory.
 * A block is appended only after it is forced to disk. At startup a torn last record is dropped
 * (and logged), and a new chain starts with a genesis block mined at the configured difficulty.
 */
@ApplicationScoped
public class Chain {

    private static final Logger LOG = Logger.getLogger(Chain.class);
    static final String LOG_FILE = "blocks.log";

    @Inject
    DataFolder folder;

    @Inject
    LedgerConfig config;

    @Inject
    KeyDirectory keys;

    private RecordLog log;
    private ChainRules rules;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, TransactionLocation> transactions = new HashMap<>();
    private final Set<String> fillIds = new HashSet<>();
    private long transactionCount;

    /** Location of a transaction: its block and its position there, which is its Merkle leaf index. */
    public record TransactionLocation(Block block, int position) {
        public Transaction transaction() {
            return block.transactions().get(position);
        }
    }

    @PostConstruct
    void load() {
        rules = new ChainRules(config.maxTransactionsPerBlock(), new Retarget(config.retarget().enabled(),
                config.retarget().window(), config.retarget().blockInterval()));
        try {
            log = RecordLog.open(folder.resolve(LOG_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to open " + LOG_FILE, e);
        }
        for (byte[] record : log.recoveredRecords()) {
            index(StorageJson.read(record, Block.class));
        }
        if (log.recovery().droppedSomething()) {
            LOG.warnf("Recovered the chain to block %d: dropped %d bytes of an incomplete block record at offset %d",
                    blocks.size() - 1, log.recovery().droppedBytes(), log.recovery().droppedAtOffset());
        }
        if (blocks.isEmpty()) {
            append(genesis(configuredTarget()));
            LOG.infof("[block 0] created the genesis block %s with target %s", blocks.get(0).hash(),
                    blocks.get(0).target());
        } else {
            Target stored = Target.parse(blocks.get(0).target());
            if (!stored.equals(configuredTarget()) && !rules.retarget().enabled()) {
                LOG.warnf("The chain keeps the target of its genesis block (%d leading zero bits); the configured"
                        + " difficulty of %d bits applies only to a new chain", stored.leadingZeroBits(),
                        configuredTarget().leadingZeroBits());
            }
        }
        LOG.infof("Loaded a chain of %d blocks and %d transactions from %s", blocks.size(), transactionCount,
                log.file());
    }

    @PreDestroy
    void close() throws IOException {
        log.close();
    }

    /** Returns the configured difficulty: bits when set, otherwise hex digits. */
    public Target configuredTarget() {
        return config.difficultyBits().isPresent()
                ? Target.ofLeadingZeroBits(config.difficultyBits().getAsInt())
                : Target.ofLeadingZeroHexDigits(config.difficulty());
    }

    static Block genesis(Target target) {
        Instant timestamp = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] root = MerkleTree.root(List.of());
        byte[] header = Block.header(0, root, timestamp.toEpochMilli(), Sha256.parseDigest(Block.GENESIS_PREVIOUS_HASH), 0);
        BlockMiner.Solution solution = BlockMiner.mine(header, target, () -> false);
        return new Block(0, timestamp, Block.GENESIS_PREVIOUS_HASH, Sha256.hex(root), solution.nonce(), target.hex(),
                Sha256.hex(solution.hash()), List.of());
    }

    private void index(Block block) {
        blocks.add(block);
        for (int position = 0; position < block.transactions().size(); position++) {
            Transaction tx = block.transactions().get(position);
            transactions.put(tx.id(), new TransactionLocation(block, position));
            if (tx.fillId() != null) {
                fillIds.add(tx.fillId());
            }
        }
        transactionCount += block.transactions().size();
    }

    /**
     * Appends a block after forcing it to disk.
     *
     * @throws IllegalArgumentException when the block does not extend the last block
     */
    public synchronized void append(Block block) {
        String expectedPrevious = blocks.isEmpty() ? Block.GENESIS_PREVIOUS_HASH : lastBlock().hash();
        if (block.index() != blocks.size() || !block.previousHash().equals(expectedPrevious)) {
            throw new IllegalArgumentException("block " + block.index() + " does not extend the chain of "
                    + blocks.size() + " blocks ending in " + expectedPrevious);
        }
        try {
            log.append(StorageJson.write(block));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to store block " + block.index(), e);
        }
        index(block);
    }

    public synchronized List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public synchronized List<Block> lastBlocks(int count) {
        return List.copyOf(blocks.subList(Math.max(0, blocks.size() - count), blocks.size()));
    }

    public synchronized Block lastBlock() {
        return blocks.get(blocks.size() - 1);
    }

    public synchronized int size() {
        return blocks.size();
    }

    public synchronized long transactionCount() {
        return transactionCount;
    }

    public synchronized Optional<TransactionLocation> findTransaction(String id) {
        return Optional.ofNullable(transactions.get(id));
    }

    public synchronized boolean containsFill(String fillId) {
        return fillIds.contains(fillId);
    }

    public synchronized Set<String> fillIds() {
        return Collections.unmodifiableSet(new HashSet<>(fillIds));
    }

    public ChainRules rules() {
        return rules;
    }

    public Path file() {
        return log.file();
    }

    /** Validates the chain as it is on disk now, so that changes made to the file are found too. */
    public ValidationResult validateStored() {
        RecordLog.ScanResult scan;
        // Read under the chain's lock, so that a block being appended is never seen half written.
        synchronized (this) {
            try {
                scan = RecordLog.scan(log.file());
            } catch (IOException e) {
                throw new UncheckedIOException("failed to read " + log.file(), e);
            }
        }
        return new ChainValidator(keys, rules).validateStored(scan, bytes -> StorageJson.read(bytes, Block.class));
    }
}
