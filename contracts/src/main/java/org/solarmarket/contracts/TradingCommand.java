package org.solarmarket.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A command on the {@link Topics#ORDERS} topic. Every command carries a unique {@code commandId}
 * and gets exactly one {@link OrderEvent} in reply.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TradingCommand.OpenAccount.class, name = "open_account"),
    @JsonSubTypes.Type(value = TradingCommand.Credit.class, name = "credit"),
    @JsonSubTypes.Type(value = TradingCommand.Withdraw.class, name = "withdraw"),
    @JsonSubTypes.Type(value = TradingCommand.PlaceOrder.class, name = "place_order"),
    @JsonSubTypes.Type(value = TradingCommand.CancelOrder.class, name = "cancel_order")
})
public sealed interface TradingCommand {

    String commandId();

    String accountId();

    Instant issuedAt();

    /** The Kafka record key: the market for order commands, the account id otherwise. */
    String partitionKey();

    /** Opens a trading account with zero balances for a wallet. */
    record OpenAccount(String commandId, String accountId, Instant issuedAt) implements TradingCommand {
        @Override
        public String partitionKey() {
            return accountId;
        }
    }

    /** Adds an amount to an account: a credit deposit or metered energy production. */
    record Credit(String commandId, String accountId, Instant issuedAt, Asset asset, BigDecimal amount,
                  String reference) implements TradingCommand {
        @Override
        public String partitionKey() {
            return accountId;
        }
    }

    /** Takes an amount out of an account's available balance. */
    record Withdraw(String commandId, String accountId, Instant issuedAt, Asset asset, BigDecimal amount,
                    String reference) implements TradingCommand {
        @Override
        public String partitionKey() {
            return accountId;
        }
    }

    /**
     * Places an order. Price is credits per kWh, quantity is kWh; {@code market} names the delivery
     * slot by its start in UTC. A market order has no price but may carry {@code maxCredits}, the
     * bound of credits a market buy reserves.
     */
    record PlaceOrder(String commandId, String accountId, Instant issuedAt, String orderId, String clientOrderId,
                      String market, Side side, OrderType orderType, BigDecimal price, BigDecimal quantity,
                      TimeInForce timeInForce, BigDecimal maxCredits) implements TradingCommand {
        @Override
        public String partitionKey() {
            return market;
        }
    }

    /** Cancels the rest of an open order; only the owning account may cancel it. */
    record CancelOrder(String commandId, String accountId, Instant issuedAt, String orderId, String market)
            implements TradingCommand {
        @Override
        public String partitionKey() {
            return market;
        }
    }
}
