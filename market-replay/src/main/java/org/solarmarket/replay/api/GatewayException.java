package org.solarmarket.replay.api;

/** A gateway call that failed; {@code status} is the HTTP status, or 0 when no response came. */
public class GatewayException extends Exception {

    private final int status;

    public GatewayException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
