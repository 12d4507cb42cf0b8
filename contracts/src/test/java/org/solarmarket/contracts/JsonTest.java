package org.solarmarket.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void placeOrderRoundTripKeepsExactAmounts() {
        TradingCommand.PlaceOrder order = new TradingCommand.PlaceOrder("c-1", "alice",
                Instant.parse("2026-12-04T15:01:02.345Z"), "o-1", "client-7", "2026-12-04T15:15:00Z", Side.BUY,
                OrderType.LIMIT, new BigDecimal("0.10"), new BigDecimal("1.000"), TimeInForce.IOC, null);
        String json = new String(Json.write(order), StandardCharsets.UTF_8);

        assertTrue(json.contains("\"type\":\"place_order\""), json);
        assertTrue(json.contains("\"price\":\"0.10\""), json);
        assertTrue(json.contains("\"quantity\":\"1.000\""), json);
        assertTrue(json.contains("\"side\":\"buy\""), json);
        assertTrue(json.contains("\"issued_at\":\"2026-12-04T15:01:02.345Z\""), json);

        TradingCommand read = Json.read(json.getBytes(StandardCharsets.UTF_8), TradingCommand.class);
        TradingCommand.PlaceOrder back = assertInstanceOf(TradingCommand.PlaceOrder.class, read);
        assertEquals(order, back);
        assertEquals(new BigDecimal("0.10"), back.price());
    }

    @Test
    void numericAmountsAreReadWithoutBinaryRounding() {
        String json = "{\"type\":\"credit\",\"command_id\":\"c\",\"account_id\":\"a\","
                + "\"issued_at\":\"2026-01-01T00:00:00Z\",\"asset\":\"credits\",\"amount\":0.1}";
        TradingCommand.Credit credit = (TradingCommand.Credit) Json.read(json.getBytes(StandardCharsets.UTF_8),
                TradingCommand.class);
        assertEquals(new BigDecimal("0.1"), credit.amount());
        assertEquals(Asset.CREDITS, credit.asset());
    }

    @Test
    void duplicateKeysAreRejected() {
        byte[] json = "{\"type\":\"open_account\",\"account_id\":\"a\",\"account_id\":\"b\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(RuntimeException.class, () -> Json.read(json, TradingCommand.class));
    }

    @Test
    void treeKeepsDecimalsAsWritten() throws Exception {
        String json = "{\"power_w\":400.0,\"tilt\":20,\"price\":0.250}";
        assertEquals(json, Json.mapper().writeValueAsString(Json.mapper().readTree(json)));
    }
}
