package org.solarmarket.forecast.model;

import java.util.List;

/** The final model set and the cross-validation folds it was judged on. */
public record TrainingOutcome(QuantileModelSet models, List<FoldResult> folds, double seconds) {
}
