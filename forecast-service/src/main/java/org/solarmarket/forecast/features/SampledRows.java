package org.solarmarket.forecast.features;

import java.util.Arrays;

/**
 * Feature rows drawn from a timeline: row {@code r} forecasts grid index {@code targetIndex[r]}
 * from issue index {@code issueIndex[r]}, and {@code label[r]} is the normalised residual
 * {@code (power - p_clear) / AC capacity} at the target.
 */
public record SampledRows(int width, float[] features, float[] label, int[] issueIndex, int[] targetIndex) {

    public int size() {
        return label.length;
    }

    public float[] row(int r) {
        return Arrays.copyOfRange(features, r * width, (r + 1) * width);
    }
}
