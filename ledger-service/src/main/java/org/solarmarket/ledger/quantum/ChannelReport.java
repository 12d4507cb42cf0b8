package org.solarmarket.ledger.quantum;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/** The answer to a channel request: what each stage did and whether the channel is secure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelReport(
        String channelId,
        String participantA,
        String participantB,
        boolean secure,
        String status,
        String simulationNotice,
        Bb84Summary bb84,
        KeyExchangeSummary keyExchange,
        KeyConfirmation keyConfirmation,
        Instant createdAt) {

    public static final String SIMULATION_NOTICE = "The BB84 exchange is a software simulation: random bits and"
            + " bases stand in for photons and no quantum hardware is involved. The ML-KEM-768 and X25519 key"
            + " exchanges, HKDF-SHA256 and AES-256-GCM are real.";

    /** The simulated quantum stage. */
    public record Bb84Summary(long qubitsSent, int siftedBits, int sampleBits, int sampleErrors, BigDecimal errorRate,
                              BigDecimal maxErrorRate, int keyBits, BigDecimal noise, boolean eavesdropper,
                              int correctedBits, int disclosedParities, boolean keysAgree) {
    }

    /** The real post-quantum and classical stage. */
    public record KeyExchangeSummary(String kem, int kemCiphertextBytes, String keyAgreement, String kdf,
                                     String cipher, int sessionKeyBits) {
    }

    /** Public fingerprints of the session key each side derived. */
    public record KeyConfirmation(String participantA, String participantB, boolean match) {
    }
}
