package org.solarmarket.forecast.evaluation;

import org.solarmarket.forecast.features.FeatureBuilder;
import org.solarmarket.forecast.features.PlantTimeline;

/**
 * Reference forecasts that the model must beat, computed for the same (issue, target) rows.
 *
 * <ul>
 *   <li>persistence: the power measured at issue time, for every horizon;</li>
 *   <li>smart persistence: the clear-sky index at issue time (measured over clear-sky energy of the
 *       last hour, else of the last 24 h, else 1) times {@code p_clear} at the target;</li>
 *   <li>clear sky: {@code p_clear} at the target.</li>
 * </ul>
 */
public final class Baselines {

    public static final String PERSISTENCE = "persistence";
    public static final String SMART_PERSISTENCE = "smart_persistence";
    public static final String CLEAR_SKY = "clear_sky";

    private Baselines() {
    }

    public static double persistence(PlantTimeline timeline, int issue) {
        return timeline.powerKw()[issue];
    }

    public static double smartPersistence(PlantTimeline timeline, int issue, int target) {
        return clearSkyIndexAtIssue(timeline, issue) * timeline.clearSkyPowerKw()[target];
    }

    public static double clearSkyIndexAtIssue(PlantTimeline timeline, int issue) {
        double index = FeatureBuilder.clearSkyIndex(timeline, issue, 4);
        if (Double.isNaN(index)) {
            index = FeatureBuilder.clearSkyIndex(timeline, issue, (int) (86_400 / timeline.step().getSeconds()));
        }
        return Double.isNaN(index) ? 1.0 : index;
    }

    public static double clearSky(PlantTimeline timeline, int target) {
        return timeline.clearSkyPowerKw()[target];
    }

    /** Adds the three baselines to rows whose issue and target indexes are given. */
    public static ScoredRows attach(ScoredRows rows, PlantTimeline timeline, int[] issues, int[] targets) {
        int n = issues.length;
        double[] persistence = new double[n];
        double[] smart = new double[n];
        double[] clear = new double[n];
        for (int r = 0; r < n; r++) {
            persistence[r] = persistence(timeline, issues[r]);
            smart[r] = smartPersistence(timeline, issues[r], targets[r]);
            clear[r] = clearSky(timeline, targets[r]);
        }
        return rows.withBaseline(PERSISTENCE, persistence)
                .withBaseline(SMART_PERSISTENCE, smart)
                .withBaseline(CLEAR_SKY, clear);
    }
}
