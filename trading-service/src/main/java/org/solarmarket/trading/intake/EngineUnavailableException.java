package org.solarmarket.trading.intake;

/** The engine is rebuilding its state from the journal, or stopped after being fenced. */
public final class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message) {
        super(message);
    }
}
