package org.solarmarket.trading.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.solarmarket.contracts.TradingCommand;

/**
 * One engine input as written to the journal topic: a command, or a tick when {@code command} is
 * null, with the instant the engine assigned to it. {@code sequence} counts inputs from 1, so a
 * replay can tell a gap or a repeat.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(long sequence, Instant at, TradingCommand command) {

    public boolean isTick() {
        return command == null;
    }
}
