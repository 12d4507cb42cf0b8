package org.solarmarket.ledger.quantum;

/**
 * The outcome of a simulated BB84 exchange.
 *
 * @param qubitsSent      qubits Alice sent
 * @param siftedBits      bits whose bases agreed (sample included)
 * @param sampleBits      sifted bits disclosed to estimate the error rate
 * @param sampleErrors    mismatches in the sample
 * @param errorRate       sampleErrors / sampleBits, the quantum bit error rate (QBER)
 * @param keyBits         length of each party's key after the sample is dropped
 * @param belowThreshold  whether the error rate is at most {@link Bb84Simulator#MAX_ERROR_RATE}
 * @param reconciliation  what error correction did; {@code NOT_RUN} when aborted
 * @param aliceKey        Alice's key bits, packed most significant bit first
 * @param bobKey          Bob's key bits after reconciliation
 */
public record Bb84Result(long qubitsSent, int siftedBits, int sampleBits, int sampleErrors, double errorRate,
                         int keyBits, boolean belowThreshold, ErrorCorrection.Outcome reconciliation,
                         byte[] aliceKey, byte[] bobKey) {

    /** Whether both parties ended with the same key. */
    public boolean keysAgree() {
        return java.util.Arrays.equals(aliceKey, bobKey);
    }
}
