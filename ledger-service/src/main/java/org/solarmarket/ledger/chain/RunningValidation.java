package org.solarmarket.ledger.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation of a growing chain, one block at a time. It runs the checks of
 * {@link ChainValidator#validate} and keeps the transaction ids and fill legs seen so far, so every
 * block is checked once and keeping the result current costs only the new blocks. After the first
 * error the result stays failed.
 */
public final class RunningValidation {

    private final ChainValidator validator;
    private final Map<String, Long> seenIds = new HashMap<>();
    private final Map<String, Long> seenFillLegs = new HashMap<>();
    private int blocksChecked;
    private int transactionsChecked;
    private ValidationResult.Error error;

    public RunningValidation(ChainValidator validator) {
        this.validator = validator;
    }

    /**
     * Checks the blocks of {@code chain} after those checked before and returns the result so far.
     * The list must extend the one given last time, as the append-only chain does.
     */
    public synchronized ValidationResult advance(List<Block> chain) {
        while (error == null && blocksChecked < chain.size()) {
            ValidationResult.Error found = validator.checkBlock(chain, blocksChecked, seenIds, seenFillLegs);
            if (found != null) {
                error = found;
                break;
            }
            List<Transaction> transactions = chain.get(blocksChecked).transactions();
            transactionsChecked += transactions == null ? 0 : transactions.size();
            blocksChecked++;
        }
        return result();
    }

    /** Returns the result so far without checking anything. */
    public synchronized ValidationResult result() {
        return error == null ? ValidationResult.ok(blocksChecked, transactionsChecked)
                : ValidationResult.failed(blocksChecked, transactionsChecked, error);
    }
}
