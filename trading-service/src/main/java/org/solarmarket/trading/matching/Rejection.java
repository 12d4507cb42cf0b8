package org.solarmarket.trading.matching;

/** A command that breaks a rule; thrown before the engine changes any state. */
final class Rejection extends RuntimeException {

    private final RejectReason reason;

    Rejection(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }
}
