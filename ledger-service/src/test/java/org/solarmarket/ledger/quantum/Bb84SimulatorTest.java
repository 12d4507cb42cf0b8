package org.solarmarket.ledger.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Bb84SimulatorTest {

    @Test
    void eavesdropperCausesQuarterErrorsAndIsRefused() {
        for (long seed = 1; seed <= 20; seed++) {
            Bb84Result result = Bb84Simulator.run(1024, 0, true, new Random(seed));
            assertEquals(512, result.sampleBits());
            // 25 % expected; 512 samples give a standard deviation of 1.9 points.
            assertTrue(result.errorRate() > 0.18, "seed " + seed + ": " + result.errorRate());
            assertTrue(result.errorRate() < 0.32, "seed " + seed + ": " + result.errorRate());
            assertFalse(result.belowThreshold(), "seed " + seed);
        }
    }

    @Test
    void cleanChannelGivesEqualKeys() {
        for (long seed = 1; seed <= 20; seed++) {
            Bb84Result result = Bb84Simulator.run(256, 0, false, new Random(seed));
            assertEquals(0, result.sampleErrors());
            assertTrue(result.belowThreshold());
            assertTrue(result.keysAgree());
            assertEquals(0, result.reconciliation().correctedBits());
            assertEquals(32, result.aliceKey().length);
        }
    }

    @Test
    void siftingKeepsAboutHalfTheQubits() {
        Bb84Result result = Bb84Simulator.run(4096, 0, false, new Random(7));
        double kept = (double) result.siftedBits() / result.qubitsSent();
        assertTrue(kept > 0.47, "sifted fraction " + kept);
        assertTrue(kept < 0.53, "sifted fraction " + kept);
    }

    @Test
    void moderateNoiseIsCorrected() {
        int agreed = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Bb84Result result = Bb84Simulator.run(1024, 0.04, false, new Random(seed));
            assertTrue(result.belowThreshold(), "seed " + seed + ": " + result.errorRate());
            assertTrue(result.reconciliation().correctedBits() > 0, "seed " + seed);
            if (result.keysAgree()) {
                agreed++;
            }
        }
        assertTrue(agreed >= 18, agreed + " of 20 noisy exchanges reconciled");
    }

    @Test
    void heavyNoiseIsRefusedLikeAnEavesdropper() {
        Bb84Result result = Bb84Simulator.run(512, 0.2, false, new Random(3));
        assertFalse(result.belowThreshold(), "error rate " + result.errorRate());
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Bb84Simulator.run(0, 0, false, new Random()));
        assertThrows(IllegalArgumentException.class, () -> Bb84Simulator.run(256, 0.6, false, new Random()));
        assertThrows(IllegalArgumentException.class, () -> Bb84Simulator.run(256, Double.NaN, false, new Random()));
    }
}
