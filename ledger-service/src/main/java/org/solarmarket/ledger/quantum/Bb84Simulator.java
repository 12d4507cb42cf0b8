package org.solarmarket.ledger.quantum;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A software simulation of the BB84 quantum key distribution protocol (Bennett and Brassard,
 * 1984). No quantum hardware is involved: photons are random bits and bases drawn from
 * {@code random}, which is what a real channel with ideal devices would produce.
 *
 * <p>Steps:
 * <ol>
 *   <li>Alice sends qubits, each a random bit in a random basis (rectilinear or diagonal).</li>
 *   <li>An intercept-resend eavesdropper, when present, measures each qubit in a random basis and
 *       sends on what she measured; a wrong basis randomises the bit.</li>
 *   <li>Channel noise flips each bit Bob receives with probability {@code noise}.</li>
 *   <li>Bob measures in random bases; a basis different from the sender's gives a random bit.</li>
 *   <li>Sifting: both keep only positions where Alice's and Bob's bases agree.</li>
 *   <li>Estimation: they disclose a random sample of the sifted bits, count the mismatches and
 *       drop the sample. Above {@link #MAX_ERROR_RATE} the exchange is aborted.</li>
 *   <li>Reconciliation: {@link ErrorCorrection} removes the remaining mismatches by parity checks.</li>
 * </ol>
 * An eavesdropper picks the wrong basis half the time, and then Bob's bit is wrong half the time,
 * so she causes an error rate of about 25 % in the sifted key.
 */
public final class Bb84Simulator {

    /** The highest sample error rate at which a key is still accepted. */
    public static final double MAX_ERROR_RATE = 0.11;
    public static final int MIN_KEY_BITS = 16;
    public static final int MAX_KEY_BITS = 8192;
    private static final int MIN_SAMPLE_BITS = 64;

    private Bb84Simulator() {
    }

    /**
     * Runs one exchange.
     *
     * @param keyBits      sifted key bits to keep after the sample is dropped
     * @param noise        probability in [0, 0.5] that the channel flips a bit
     * @param eavesdropper whether an intercept-resend attacker sits on the channel
     */
    public static Bb84Result run(int keyBits, double noise, boolean eavesdropper, Random random) {
        if (keyBits < MIN_KEY_BITS || keyBits > MAX_KEY_BITS) {
            throw new IllegalArgumentException("invalid key length " + keyBits + ": it must lie in " + MIN_KEY_BITS
                    + ".." + MAX_KEY_BITS + " bits");
        }
        if (!(noise >= 0 && noise <= 0.5)) {
            throw new IllegalArgumentException("invalid noise " + noise + ": it must lie in 0..0.5");
        }
        int sampleBits = Math.max(MIN_SAMPLE_BITS, keyBits / 2);
        int needed = keyBits + sampleBits;

        // Steps 1 to 5: send, intercept, add noise, measure and sift until enough bits agree in basis.
        List<Boolean> aliceSifted = new ArrayList<>(needed);
        List<Boolean> bobSifted = new ArrayList<>(needed);
        long qubitsSent = 0;
        while (aliceSifted.size() < needed) {
            qubitsSent++;
            boolean aliceBit = random.nextBoolean();
            boolean aliceBasis = random.nextBoolean();
            boolean photonBit = aliceBit;
            boolean photonBasis = aliceBasis;
            if (eavesdropper) {
                boolean eveBasis = random.nextBoolean();
                photonBit = eveBasis == photonBasis ? photonBit : random.nextBoolean();
                photonBasis = eveBasis;
            }
            if (noise > 0 && random.nextDouble() < noise) {
                photonBit = !photonBit;
            }
            boolean bobBasis = random.nextBoolean();
            boolean bobBit = bobBasis == photonBasis ? photonBit : random.nextBoolean();
            if (bobBasis == aliceBasis) {
                aliceSifted.add(aliceBit);
                bobSifted.add(bobBit);
            }
        }

        // Step 6: disclose a random sample, estimate the error rate and drop the sample.
        boolean[] disclosed = new boolean[needed];
        int chosen = 0;
        while (chosen < sampleBits) {
            int position = random.nextInt(needed);
            if (!disclosed[position]) {
                disclosed[position] = true;
                chosen++;
            }
        }
        int sampleErrors = 0;
        boolean[] aliceKey = new boolean[keyBits];
        boolean[] bobKey = new boolean[keyBits];
        int kept = 0;
        for (int i = 0; i < needed; i++) {
            if (disclosed[i]) {
                if (!aliceSifted.get(i).equals(bobSifted.get(i))) {
                    sampleErrors++;
                }
            } else {
                aliceKey[kept] = aliceSifted.get(i);
                bobKey[kept] = bobSifted.get(i);
                kept++;
            }
        }
        double errorRate = (double) sampleErrors / sampleBits;
        int siftedBits = needed;
        if (errorRate > MAX_ERROR_RATE) {
            return new Bb84Result(qubitsSent, siftedBits, sampleBits, sampleErrors, errorRate, keyBits, false,
                    ErrorCorrection.Outcome.NOT_RUN, pack(aliceKey), pack(bobKey));
        }

        // Step 7: reconcile Bob's key with Alice's.
        ErrorCorrection.Outcome corrected = ErrorCorrection.reconcile(aliceKey, bobKey, errorRate, random);
        return new Bb84Result(qubitsSent, siftedBits, sampleBits, sampleErrors, errorRate, keyBits, true,
                corrected, pack(aliceKey), pack(bobKey));
    }

    static byte[] pack(boolean[] bits) {
        byte[] out = new byte[(bits.length + 7) / 8];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }
}
