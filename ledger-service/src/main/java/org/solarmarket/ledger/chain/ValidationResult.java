package org.solarmarket.ledger.chain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of validating a chain: how much was checked and the first error, if any.
 *
 * @param error null when the chain is valid
 */
public record ValidationResult(boolean valid, int blocksChecked, int transactionsChecked, Error error) {

    /**
     * The first problem found. {@code field} names the block or transaction field that is wrong
     * (e.g. {@code merkle_root}, {@code ml_dsa_65_signature}, {@code record}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(long blockIndex, String transactionId, String field, String message) {
    }

    static ValidationResult ok(int blocks, int transactions) {
        return new ValidationResult(true, blocks, transactions, null);
    }

    static ValidationResult failed(int blocks, int transactions, Error error) {
        return new ValidationResult(false, blocks, transactions, error);
    }
}
