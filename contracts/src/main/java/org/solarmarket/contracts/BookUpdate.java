package org.solarmarket.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The top levels of one market's order book after a change; {@code sequence} grows per market. */
public record BookUpdate(
        String market,
        long sequence,
        List<Level> bids,
        List<Level> asks,
        BigDecimal lastPrice,
        Instant at) {

    /** One price level: total resting quantity in kWh and the number of orders at that price. */
    public record Level(BigDecimal price, BigDecimal quantity, int orders) {
    }
}
