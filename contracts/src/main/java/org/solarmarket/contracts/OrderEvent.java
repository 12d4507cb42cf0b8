package org.solarmarket.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The outcome of one {@link TradingCommand}, or a later change of an order (a fill or expiry).
 * Rejections carry a machine-readable {@code reasonCode} and a sentence in {@code message}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderEvent(
        String eventId,
        String commandId,
        Status status,
        String accountId,
        String orderId,
        String clientOrderId,
        String market,
        Side side,
        BigDecimal price,
        BigDecimal quantity,
        BigDecimal filledQuantity,
        BigDecimal remainingQuantity,
        String reasonCode,
        String message,
        Instant at) {

    /** Lifecycle state reported by an event. */
    public enum Status {
        ACCEPTED, REJECTED, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, ACCOUNT_OPENED, CREDITED, WITHDRAWN;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
