package org.solarmarket.trading.matching;

/** Reason codes of rejected commands, written as {@code reason_code} on the order event. */
public enum RejectReason {
    /** The command lacks an id or cannot be read. */
    MALFORMED_COMMAND,
    /** A required field is missing. */
    MISSING_FIELD,
    /** The account id breaks the id pattern. */
    INVALID_ACCOUNT_ID,
    /** The account was never opened. */
    UNKNOWN_ACCOUNT,
    /** An account with this id is already open. */
    ACCOUNT_EXISTS,
    /** The available balance does not cover the reservation or withdrawal. */
    INSUFFICIENT_BALANCE,
    /** A balance would exceed the largest representable amount. */
    BALANCE_LIMIT,
    /** An amount is zero. */
    ZERO_AMOUNT,
    /** An amount is negative. */
    NEGATIVE_AMOUNT,
    /** An amount is not a multiple of its tick. */
    OFF_TICK,
    /** An amount exceeds its maximum. */
    AMOUNT_TOO_LARGE,
    /** The market name is not a delivery slot start. */
    INVALID_MARKET,
    /** The delivery slot is not open for trading. */
    MARKET_CLOSED,
    /** A market order carries a price. */
    PRICE_NOT_ALLOWED,
    /** The client order id was used before with a different order body. */
    DUPLICATE_CLIENT_ORDER_ID,
    /** The order id is already taken. */
    DUPLICATE_ORDER_ID,
    /** No order with this id exists. */
    UNKNOWN_ORDER,
    /** The order belongs to another account. */
    NOT_ORDER_OWNER,
    /** The order is already filled, cancelled or expired. */
    ORDER_NOT_OPEN,
    /** A market order found nothing to trade against. */
    NO_LIQUIDITY;

    /** The code as written on the wire, e.g. {@code insufficient_balance}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
