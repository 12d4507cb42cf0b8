package org.solarmarket.ledger.settlement;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Asset;
import org.solarmarket.ledger.chain.Block;
import org.solarmarket.ledger.chain.BlockMiner;
import org.solarmarket.ledger.chain.Chain;
import org.solarmarket.ledger.chain.MerkleTree;
import org.solarmarket.ledger.chain.Target;
import org.solarmarket.ledger.chain.Transaction;
import org.solarmarket.ledger.chain.TransactionCodec;
import org.solarmarket.ledger.chain.TransactionSigning;
import org.solarmarket.ledger.config.LedgerConfig;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.crypto.Sha256;
import org.solarmarket.ledger.wallet.NodeIdentity;

/**
 * Mines blocks on its own thread, off the request path. Whenever transactions are pending, it takes
 * the oldest, up to the block limit less one for the reward. It signs a reward for the configured
 * miner account, searches a nonce and stores the block. Then it drops the block's transactions
 * from the pending pool and announces the block.
 */
@ApplicationScoped
public class MiningWorker {

    private static final Logger LOG = Logger.getLogger(MiningWorker.class);
    private static final long IDLE_WAIT_MILLIS = 500;

    @Inject
    LedgerConfig config;

    @Inject
    Chain chain;

    @Inject
    PendingPool pending;

    @Inject
    NodeIdentity node;

    @Inject
    BlockPublisher publisher;

    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;
    private volatile long totalHashes;
    private volatile long totalMiningNanos;
    private volatile double lastHashRate;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (!config.mining().enabled()) {
            LOG.info("Mining disabled by solarmarket.ledger.mining.enabled=false");
            return;
        }
        running.set(true);
        thread = new Thread(this::run, "ledger-miner");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Miner started: at most %d transactions a block, reward %s credits to %s",
                config.maxTransactionsPerBlock(), config.miningReward(), config.minerAccount());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (thread == null) {
            return;
        }
        running.set(false);
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Miner stopped");
    }

    private void run() {
        while (running.get()) {
            try {
                List<Transaction> batch = pending.awaitBatch(config.maxTransactionsPerBlock() - 1, IDLE_WAIT_MILLIS);
                if (!batch.isEmpty()) {
                    mineBlock(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Mining a block failed; retrying in 1 s", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void mineBlock(List<Transaction> settlements) {
        Block previous = chain.lastBlock();
        long index = previous.index() + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant timestamp = now.isBefore(previous.timestamp()) ? previous.timestamp() : now;
        List<Transaction> transactions = new ArrayList<>(settlements.size() + 1);
        transactions.add(reward(index, timestamp));
        transactions.addAll(settlements);

        List<byte[]> leafHashes = transactions.stream()
                .map(tx -> MerkleTree.leafHash(TransactionCodec.leafData(tx)))
                .toList();
        byte[] merkleRoot = MerkleTree.root(leafHashes);
        List<Block> chainSoFar = chain.blocks();
        Target target = chain.rules().expectedTarget(chainSoFar, chainSoFar.size());
        byte[] header = Block.header(index, merkleRoot, timestamp.toEpochMilli(), Sha256.parseDigest(previous.hash()),
                0);

        long started = System.nanoTime();
        BlockMiner.Solution solution = BlockMiner.mine(header, target, () -> !running.get());
        long elapsed = System.nanoTime() - started;
        if (solution == null) {
            LOG.infof("[block %d] mining cancelled; its transactions stay pending", index);
            return;
        }
        recordRate(solution.hashes(), elapsed);

        Block block = new Block(index, timestamp, previous.hash(), Sha256.hex(merkleRoot), solution.nonce(),
                target.hex(), Sha256.hex(solution.hash()), List.copyOf(transactions));
        chain.append(block);
        pending.removeIncluded(settlements.stream().map(Transaction::id).toList());
        LOG.infof("[block %d] mined %s with %d transactions after %d hashes in %d ms", index, block.hash(),
                transactions.size(), solution.hashes(), elapsed / 1_000_000);
        publisher.announce(block);
    }

    private Transaction reward(long index, Instant timestamp) {
        Transaction unsigned = new Transaction(null, Transaction.Kind.REWARD, null, null, Transaction.COINBASE,
                config.minerAccount(), Asset.CREDITS, config.miningReward(), null, index, timestamp, null, null, null);
        return TransactionSigning.sign(unsigned, node.privateKey(KeyAlgorithm.ED25519),
                node.privateKey(KeyAlgorithm.ML_DSA_65));
    }

    private void recordRate(long hashes, long nanos) {
        totalHashes += hashes;
        totalMiningNanos += nanos;
        if (nanos > 0) {
            lastHashRate = hashes * 1e9 / nanos;
        }
    }

    /** Hashes per second over all blocks mined since startup; 0 before the first. */
    public double averageHashRate() {
        long nanos = totalMiningNanos;
        return nanos == 0 ? 0 : totalHashes * 1e9 / nanos;
    }

    public double lastHashRate() {
        return lastHashRate;
    }

    public long totalHashes() {
        return totalHashes;
    }
}
