package org.solarmarket.ledger.settlement;

import org.solarmarket.contracts.Fill;
import org.solarmarket.ledger.wallet.UserIds;

/** Checks that a fill from Kafka can be settled at all. */
final class FillRules {

    private FillRules() {
    }

    /** A sentence naming the first broken rule, or null when the fill is settleable. */
    static String problem(Fill fill) {
        if (fill.tradeId() == null || fill.tradeId().isBlank() || fill.tradeId().length() > 128) {
            return "trade_id '" + fill.tradeId() + "' must be 1 to 128 characters";
        }
        if (!UserIds.isValid(fill.buyerId())) {
            return "buyer_id '" + fill.buyerId() + "' is not a valid user id";
        }
        if (!UserIds.isValid(fill.sellerId())) {
            return "seller_id '" + fill.sellerId() + "' is not a valid user id";
        }
        if (fill.buyerId().equals(fill.sellerId())) {
            return "buyer_id and seller_id are both '" + fill.buyerId() + "'";
        }
        if (fill.price() == null || fill.price().signum() <= 0) {
            return "price " + fill.price() + " must be positive";
        }
        if (fill.quantity() == null || fill.quantity().signum() <= 0) {
            return "quantity " + fill.quantity() + " must be positive";
        }
        if (fill.executedAt() == null) {
            return "executed_at is missing";
        }
        if (fill.market() == null || fill.market().isBlank()) {
            return "market is missing";
        }
        return null;
    }
}
