package org.solarmarket.contracts;

import java.time.Instant;
import java.util.List;

/** A block after it has been mined and written to durable storage. */
public record BlockAnnouncement(
        long index,
        String hash,
        String previousHash,
        String merkleRoot,
        Instant timestamp,
        long nonce,
        List<String> transactionIds,
        List<String> tradeIds) {
}
