package org.solarmarket.trading.matching;

import org.solarmarket.contracts.BookUpdate;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.OrderEvent;

/** Receives what the engine produces, in the order it happens. */
public interface EngineListener {

    /** Drops everything; used while state is rebuilt from the journal. */
    EngineListener DISCARD = new EngineListener() {
        @Override
        public void onEvent(OrderEvent event) {
        }

        @Override
        public void onFill(Fill fill) {
        }

        @Override
        public void onBookUpdate(BookUpdate update) {
        }
    };

    void onEvent(OrderEvent event);

    void onFill(Fill fill);

    void onBookUpdate(BookUpdate update);
}
