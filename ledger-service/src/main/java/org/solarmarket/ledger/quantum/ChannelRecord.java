package org.solarmarket.ledger.quantum;

import java.math.BigDecimal;
import java.time.Instant;
import org.solarmarket.ledger.crypto.SealedBox;

/**
 * An established channel as stored in {@code channels.log}; the session key is sealed under the
 * master key with associated data {@code channel/<channel id>}.
 */
public record ChannelRecord(
        String channelId,
        String participantA,
        String participantB,
        Instant createdAt,
        BigDecimal errorRate,
        int keyBits,
        String keyFingerprint,
        SealedBox sessionKey) {

    public boolean connects(String first, String second) {
        return (participantA.equals(first) && participantB.equals(second))
                || (participantA.equals(second) && participantB.equals(first));
    }

    public boolean hasParticipant(String userId) {
        return participantA.equals(userId) || participantB.equals(userId);
    }
}
