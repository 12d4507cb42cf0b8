package org.solarmarket.ledger.chain;

import java.util.List;

/**
 * Rules every block must follow, shared by the miner (to build blocks) and the validator (to
 * check them).
 *
 * @param maxTransactionsPerBlock the most transactions a block may hold, its reward included
 * @param retarget                difficulty retargeting, or {@link Retarget#OFF}
 */
public record ChainRules(int maxTransactionsPerBlock, Retarget retarget) {

    public ChainRules {
        if (maxTransactionsPerBlock < 2) {
            throw new IllegalArgumentException("invalid max-transactions-per-block " + maxTransactionsPerBlock
                    + ": a block needs room for its reward and at least one settlement, so at least 2");
        }
    }

    /**
     * The target block {@code index} must meet, given the blocks before it. The genesis block sets
     * the chain's starting target; after it the target stays the same unless a retarget window
     * ends.
     */
    public Target expectedTarget(List<Block> chain, int index) {
        Target previous = Target.parse(chain.get(index - 1).target());
        if (!retarget.appliesAt(index)) {
            return previous;
        }
        Block first = chain.get(index - retarget.window());
        Block last = chain.get(index - 1);
        return retarget.next(previous, first.timestamp(), last.timestamp());
    }
}
