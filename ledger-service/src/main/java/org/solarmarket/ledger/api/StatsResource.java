package org.solarmarket.ledger.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.solarmarket.ledger.chain.Block;
import org.solarmarket.ledger.chain.Chain;
import org.solarmarket.ledger.chain.ChainAudit;
import org.solarmarket.ledger.chain.Target;
import org.solarmarket.ledger.quantum.ChannelRegistry;
import org.solarmarket.ledger.settlement.FillConsumer;
import org.solarmarket.ledger.settlement.MiningWorker;
import org.solarmarket.ledger.settlement.ParkedFills;
import org.solarmarket.ledger.settlement.PendingPool;
import org.solarmarket.ledger.settlement.Settlement;
import org.solarmarket.ledger.wallet.WalletRegistry;

/** Ledger-wide figures. */
@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    ChainAudit audit;

    @Inject
    FillConsumer fills;

    @Inject
    Chain chain;

    @Inject
    PendingPool pending;

    @Inject
    ParkedFills parked;

    @Inject
    Settlement settlement;

    @Inject
    MiningWorker miner;

    @Inject
    WalletRegistry wallets;

    @Inject
    ChannelRegistry channels;

    /**
     * Ledger figures. {@code settled_fills} counts fills with a transaction in a block;
     * {@code pending_transactions} are signed and waiting for one. {@code chain_valid} and
     * {@code blocks_checked} come from the running validation of the chain in memory.
     * {@code settlement_stall} is null while fills settle, and otherwise gives since when the same
     * batch keeps failing, how often, and the last error.
     */
    public record Stats(int blocks, long transactions, int settledFills, int pendingTransactions, int parkedFills,
                        long rejectedFills, long duplicateFills, Difficulty difficulty, HashRate hashRate,
                        int wallets, int channels, String lastBlockHash, boolean chainValid, int blocksChecked,
                        FillConsumer.Stall settlementStall) {
    }

    /** The target of the last block, as leading zero bits and as the 256-bit value in hex. */
    public record Difficulty(int leadingZeroBits, BigDecimal leadingZeroHexDigits, String target,
                             String expectedHashesPerBlock) {
    }

    /** Proof-of-work hashes per second: over the last block, and over all blocks since startup. */
    public record HashRate(long lastBlock, long average, long totalHashes) {
    }

    @GET
    public Stats stats() {
        Block last = chain.lastBlock();
        ChainAudit.Audit validation = audit.latest();
        Target target = Target.parse(last.target());
        Difficulty difficulty = new Difficulty(target.leadingZeroBits(),
                BigDecimal.valueOf(target.leadingZeroBits()).divide(BigDecimal.valueOf(4), 2, RoundingMode.UNNECESSARY),
                target.hex(), target.expectedHashes().toString());
        HashRate rate = new HashRate(Math.round(miner.lastHashRate()), Math.round(miner.averageHashRate()),
                miner.totalHashes());
        return new Stats(chain.size(), chain.transactionCount(), chain.fillIds().size(), pending.size(),
                parked.size(), settlement.rejectedCount(), settlement.duplicateCount(), difficulty, rate,
                wallets.count(), channels.count(), last.hash(), validation.valid(), validation.blocksChecked(),
                fills.stall().orElse(null));
    }
}
