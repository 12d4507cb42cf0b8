package org.solarmarket.ledger.quantum;

import java.util.Random;

/**
 * Information reconciliation by interactive parity checks, the BINARY step of the Cascade protocol
 * (Brassard and Salvail, 1993) without its backtracking. In each pass both parties shuffle the key
 * by the same public permutation, cut it into blocks and compare block parities. In a block whose
 * parity differs, a binary search over half-block parities finds one wrong bit, which Bob flips.
 * The first pass uses blocks of about 0.73 / error rate bits and later passes twice that, each
 * under a fresh permutation, until {@value #CLEAN_PASSES} passes in a row find no mismatch or
 * {@value #MAX_PASSES} passes have run.
 *
 * <p>Every parity sent over the public channel leaks one bit to an eavesdropper; the session key
 * derivation through HKDF with the post-quantum secrets compresses that away.
 */
public final class ErrorCorrection {

    static final int MAX_PASSES = 40;
    static final int CLEAN_PASSES = 4;

    private ErrorCorrection() {
    }

    /** Result of reconciliation: bits flipped, parities disclosed and whether the keys now agree. */
    public record Outcome(int correctedBits, int disclosedParities, boolean agreed) {
        public static final Outcome NOT_RUN = new Outcome(0, 0, false);
    }

    /** Corrects {@code bob} toward {@code alice} in place. */
    static Outcome reconcile(boolean[] alice, boolean[] bob, double estimatedErrorRate, Random random) {
        int n = alice.length;
        int blockSize = estimatedErrorRate > 0 ? (int) Math.max(4, Math.round(0.73 / estimatedErrorRate)) : n;
        int corrected = 0;
        int disclosed = 0;
        int[] order = identity(n);
        int cleanPasses = 0;
        for (int pass = 0; pass < MAX_PASSES && cleanPasses < CLEAN_PASSES; pass++) {
            if (pass > 0) {
                shuffle(order, random);
            }
            int size = pass == 0 ? blockSize : Math.min(n, 2 * blockSize);
            boolean clean = true;
            for (int start = 0; start < n; start += size) {
                int end = Math.min(n, start + size);
                disclosed++;
                if (parity(alice, order, start, end) != parity(bob, order, start, end)) {
                    disclosed += binarySearchAndFix(alice, bob, order, start, end);
                    corrected++;
                    clean = false;
                }
            }
            cleanPasses = clean ? cleanPasses + 1 : 0;
        }
        return new Outcome(corrected, disclosed, java.util.Arrays.equals(alice, bob));
    }

    /** Narrows an odd-parity range down to one bit, flips it in Bob's key and returns the parities sent. */
    private static int binarySearchAndFix(boolean[] alice, boolean[] bob, int[] order, int start, int end) {
        int disclosed = 0;
        while (end - start > 1) {
            int middle = (start + end) >>> 1;
            disclosed++;
            if (parity(alice, order, start, middle) != parity(bob, order, start, middle)) {
                end = middle;
            } else {
                start = middle;
            }
        }
        bob[order[start]] = !bob[order[start]];
        return disclosed;
    }

    private static boolean parity(boolean[] bits, int[] order, int start, int end) {
        boolean parity = false;
        for (int i = start; i < end; i++) {
            parity ^= bits[order[i]];
        }
        return parity;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
