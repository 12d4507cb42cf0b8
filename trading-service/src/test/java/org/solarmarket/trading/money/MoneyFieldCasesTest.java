package org.solarmarket.trading.money;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Json;

/** Money cases from bug reports against money libraries: parsing, rounding, division and splits. */
class MoneyFieldCasesTest {

    @Test
    void jsonAmountsRoundFromTextNotDouble() throws Exception {
        JsonNode body = Json.mapper().readTree("{\"a\": \"4.635\", \"b\": 555.55}");
        BigDecimal a = new BigDecimal(body.get("a").textValue());
        BigDecimal b = body.get("b").decimalValue();

        assertEquals(new BigDecimal("4.64"), Money.roundToCents(a));
        assertEquals(new BigDecimal("555.55"), Money.roundToCents(b));
        assertEquals(55_555, Money.roundToCents(b).movePointRight(2).longValueExact());
        // The double path is wrong, which is why amounts never pass through double.
        assertNotEquals(new BigDecimal("4.64"), new BigDecimal(4.635).setScale(2, RoundingMode.HALF_UP));
        assertEquals(55_554, (long) (555.55 * 100));
    }

    @Test
    void divisionRoundsHalfUp() {
        assertEquals(new BigDecimal("0.82"), Money.divide(new BigDecimal("9.80"), 12));
        assertEquals(new BigDecimal("0.91"), Money.divide(new BigDecimal("10.00"), 11));
    }

    @Test
    void allocationKeepsTheSum() {
        assertArrayEquals(new BigDecimal[] {new BigDecimal("0.04"), new BigDecimal("0.04"), new BigDecimal("0.03")},
                Money.allocate(new BigDecimal("0.11"), 3));
        assertArrayEquals(new BigDecimal[] {new BigDecimal("0.51"), new BigDecimal("0.50")},
                Money.allocate(new BigDecimal("1.01"), 2));
        assertArrayEquals(new BigDecimal[] {new BigDecimal("3.67"), new BigDecimal("3.67"), new BigDecimal("3.66")},
                Money.allocate(new BigDecimal("11"), 3));
        for (int parts = 1; parts <= 17; parts++) {
            for (String total : new String[] {"0.00", "0.01", "0.11", "1.01", "9.99", "12345.67"}) {
                BigDecimal sum = BigDecimal.ZERO;
                for (BigDecimal share : Money.allocate(new BigDecimal(total), parts)) {
                    sum = sum.add(share);
                }
                assertEquals(new BigDecimal(total), sum, total + " split in " + parts);
            }
        }
    }

    @Test
    void tradeValueIsExact() {
        // 0.001 kWh at 0.01 credits per kWh is 0.00001 credits: one credit unit, nothing rounded.
        assertEquals(1, Amounts.value(1, 1));
        assertEquals(new BigDecimal("0.00001"), Amounts.credits(Amounts.value(1, 1)));
        // 10.010 kWh at 4.63 credits per kWh is 46.3463 credits exactly.
        assertEquals(new BigDecimal("46.34630"), Amounts.credits(Amounts.value(463, 10_010)));
    }
}
