package org.solarmarket.trading.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.solarmarket.contracts.OrderRules;

/**
 * The engine's scaled-integer units. Quantities are counted in Wh (tick 0.001 kWh), prices in
 * hundredths of a credit per kWh (tick 0.01), and credit balances in units of 0.00001 credits,
 * which is the scale of a price times a quantity. A trade value is therefore an exact long and
 * nothing is rounded inside the engine. Deposits, withdrawals and market-order bounds must still
 * be whole hundredths of a credit.
 */
public final class Amounts {

    /** Decimal places of an energy quantity in kWh. */
    public static final int ENERGY_SCALE = OrderRules.QUANTITY_SCALE;
    /** Decimal places of a price in credits per kWh. */
    public static final int PRICE_SCALE = OrderRules.PRICE_SCALE;
    /** Decimal places of a credit balance: {@link #PRICE_SCALE} plus {@link #ENERGY_SCALE}. */
    public static final int CREDIT_SCALE = PRICE_SCALE + ENERGY_SCALE;
    /** Decimal places that deposits, withdrawals and bounds in credits may have. */
    public static final int CREDIT_INPUT_SCALE = 2;

    /** Largest accepted price: 10 000 credits per kWh. */
    public static final BigDecimal MAX_PRICE = OrderRules.MAX_PRICE;
    /** Largest accepted order quantity: 1 000 000 kWh (1 GWh). */
    public static final BigDecimal MAX_QUANTITY = OrderRules.MAX_QUANTITY;
    /** Largest accepted single deposit or withdrawal: 1 000 000 000 credits or kWh. */
    public static final BigDecimal MAX_TRANSFER = new BigDecimal("1000000000");

    /** Largest balance of one asset in one account: 10^12 credits or kWh, far inside a long. */
    public static final BigDecimal MAX_BALANCE = new BigDecimal("1000000000000");
    public static final long MAX_ENERGY_BALANCE = MAX_BALANCE.movePointRight(ENERGY_SCALE).longValueExact();
    public static final long MAX_CREDIT_BALANCE = MAX_BALANCE.movePointRight(CREDIT_SCALE).longValueExact();

    private static final long CREDIT_INPUT_FACTOR = 1_000L;

    private Amounts() {
    }

    /** Value of {@code quantity} Wh at {@code price} hundredths per kWh, in credit units. */
    public static long value(long price, long quantity) {
        return Math.multiplyExact(price, quantity);
    }

    /** Converts whole hundredths of a credit into credit units. */
    public static long creditUnitsOfCents(long cents) {
        return Math.multiplyExact(cents, CREDIT_INPUT_FACTOR);
    }

    public static BigDecimal energy(long wh) {
        return BigDecimal.valueOf(wh, ENERGY_SCALE);
    }

    public static BigDecimal price(long cents) {
        return BigDecimal.valueOf(cents, PRICE_SCALE);
    }

    public static BigDecimal credits(long units) {
        return BigDecimal.valueOf(units, CREDIT_SCALE);
    }

    /** Average price of a filled value over a filled quantity, rounded half up to 0.0001. */
    public static BigDecimal averagePrice(long valueUnits, long quantityWh) {
        if (quantityWh == 0) {
            return null;
        }
        return credits(valueUnits).divide(energy(quantityWh), 4, RoundingMode.HALF_UP);
    }
}
