package org.solarmarket.gateway.ws;

import java.util.List;

/**
 * Outcome of one broadcast: the clients it queued the message for, the closed connections it
 * skipped, and the failures it collected while it went on with the other clients.
 */
public record BroadcastResult(int queued, int skippedClosed, List<String> failures) {
}
