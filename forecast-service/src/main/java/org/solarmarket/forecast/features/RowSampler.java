package org.solarmarket.forecast.features;

import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Draws (issue time, horizon) pairs for daylight targets with a measured power value. For each
 * target, {@code horizonsPerTarget} distinct horizon bands are picked at random and one horizon
 * is drawn uniformly (in grid steps) inside each band, so every band gets the same weight
 * whatever its width.
 */
public final class RowSampler {

    private final FeatureBuilder builder;
    private final long seed;

    public RowSampler(FeatureBuilder builder, long seed) {
        this.builder = builder;
        this.seed = seed;
    }

    /**
     * @param fromTarget        first target index (inclusive)
     * @param toTarget          last target index (exclusive)
     * @param horizonsPerTarget bands per target, 1 to 4
     * @param issueAllowed      accepts or rejects an issue index, so a caller can keep issue times
     *                          inside a fold
     */
    public SampledRows sample(PlantTimeline timeline, int fromTarget, int toTarget, int horizonsPerTarget,
            IntPredicate issueAllowed) {
        HorizonBand[] bands = HorizonBand.values();
        if (horizonsPerTarget < 1 || horizonsPerTarget > bands.length) {
            throw new IllegalArgumentException("horizonsPerTarget must be 1 to " + bands.length + ", got "
                    + horizonsPerTarget);
        }
        Random random = new Random(seed ^ fromTarget * 31L ^ toTarget);
        long stepMinutes = timeline.step().toMinutes();
        int width = builder.width();
        int capacity = Math.max(0, toTarget - fromTarget) * horizonsPerTarget;
        float[] features = new float[capacity * width];
        float[] labels = new float[capacity];
        int[] issues = new int[capacity];
        int[] targets = new int[capacity];
        int rows = 0;
        int[] order = {0, 1, 2, 3};
        for (int target = fromTarget; target < toTarget; target++) {
            double power = timeline.powerKw()[target];
            if (!timeline.isDaylight(target) || Double.isNaN(power)) {
                continue;
            }
            shuffle(order, random);
            for (int b = 0; b < horizonsPerTarget; b++) {
                HorizonBand band = bands[order[b]];
                int minSteps = (int) (band.lowerMinutes() / stepMinutes) + 1;
                int maxSteps = (int) (band.upperMinutes() / stepMinutes);
                int horizon = minSteps + random.nextInt(maxSteps - minSteps + 1);
                int issue = target - horizon;
                if (issue < 0 || !issueAllowed.test(issue)) {
                    continue;
                }
                builder.fillRow(timeline, issue, target, features, rows * width);
                labels[rows] = (float) ((power - timeline.clearSkyPowerKw()[target]) / timeline.acCapacityKw());
                issues[rows] = issue;
                targets[rows] = target;
                rows++;
            }
        }
        return new SampledRows(width, java.util.Arrays.copyOf(features, rows * width),
                java.util.Arrays.copyOf(labels, rows), java.util.Arrays.copyOf(issues, rows),
                java.util.Arrays.copyOf(targets, rows));
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
