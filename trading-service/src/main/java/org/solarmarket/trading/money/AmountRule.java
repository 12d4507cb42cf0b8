package org.solarmarket.trading.money;

import java.math.BigDecimal;
import org.solarmarket.trading.matching.RejectReason;

/**
 * Checks one amount field of a command against its tick and bound, and converts it to a scaled
 * long. Zero, negative, off-tick and too large values each get their own rejection reason.
 *
 * @param field   the command field, named in the rejection message
 * @param scale   decimal places allowed (the tick is 10^-scale)
 * @param maximum largest accepted value
 */
public record AmountRule(String field, int scale, BigDecimal maximum) {

    public static final AmountRule PRICE = new AmountRule("price", Amounts.PRICE_SCALE, Amounts.MAX_PRICE);
    public static final AmountRule QUANTITY = new AmountRule("quantity", Amounts.ENERGY_SCALE, Amounts.MAX_QUANTITY);
    public static final AmountRule ENERGY_TRANSFER = new AmountRule("amount", Amounts.ENERGY_SCALE, Amounts.MAX_TRANSFER);
    public static final AmountRule CREDIT_TRANSFER = new AmountRule("amount", Amounts.CREDIT_INPUT_SCALE,
            Amounts.MAX_TRANSFER);
    public static final AmountRule MAX_CREDITS = new AmountRule("max_credits", Amounts.CREDIT_INPUT_SCALE,
            Amounts.MAX_TRANSFER);

    /**
     * Returns the amount as a long in units of 10^-scale.
     *
     * @throws AmountException naming the field, the value and the broken rule
     */
    public long toUnits(BigDecimal amount) {
        if (amount == null) {
            throw new AmountException(RejectReason.MISSING_FIELD, field + " is required");
        }
        if (amount.signum() == 0) {
            throw new AmountException(RejectReason.ZERO_AMOUNT,
                    field + " " + amount.toPlainString() + " is zero; it must be greater than zero");
        }
        if (amount.signum() < 0) {
            throw new AmountException(RejectReason.NEGATIVE_AMOUNT,
                    field + " " + amount.toPlainString() + " is negative; it must be greater than zero");
        }
        if (amount.compareTo(maximum) > 0) {
            throw new AmountException(RejectReason.AMOUNT_TOO_LARGE,
                    field + " " + amount.toPlainString() + " exceeds the maximum " + maximum.toPlainString());
        }
        if (amount.scale() >= 0 && amount.scale() <= scale) {
            // On tick by its scale alone: the common case, without stripping zeros.
            return amount.movePointRight(scale).longValueExact();
        }
        BigDecimal scaled = amount.movePointRight(scale);
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new AmountException(RejectReason.OFF_TICK, field + " " + amount.toPlainString()
                    + " is not a multiple of the tick " + BigDecimal.ONE.movePointLeft(scale).toPlainString());
        }
        return scaled.longValueExact();
    }

    /** An amount that breaks its rule. */
    public static final class AmountException extends RuntimeException {
        private final RejectReason reason;

        AmountException(RejectReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public RejectReason reason() {
            return reason;
        }
    }
}
