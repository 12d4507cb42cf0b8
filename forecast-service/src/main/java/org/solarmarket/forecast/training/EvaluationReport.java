package org.solarmarket.forecast.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.solarmarket.forecast.dataset.LoadedPlant;
import org.solarmarket.forecast.dataset.PlantDefinition;
import org.solarmarket.forecast.evaluation.BandMetrics;
import org.solarmarket.forecast.model.TrainingOutcome;
import org.solarmarket.forecast.model.TrainingProgress;

final class EvaluationReport {
    static Path write(Path dir, PlantDefinition definition, LoadedPlant plant, List<TrainingOutcome> outcomes,
            Optional<LoadedPlant> validation, TrainingProgress progress) {
        for (TrainingOutcome outcome : outcomes) {
            for (BandMetrics m : outcome.models().metadata().validation()) {
                progress.step(String.format(java.util.Locale.ROOT,
                        "%s %-8s n=%6d nmae %.2f pin %.4f cov %.3f | smart nmae %.2f pin %.4f | pers nmae %.2f | clear nmae %.2f",
                        outcome.models().metadata().weatherInputs(), m.band(), m.rows(), m.model().nmaePercent(),
                        m.model().pinball(), m.model().coverage(), m.baselines().get("smart_persistence").nmaePercent(),
                        m.baselines().get("smart_persistence").pinball(), m.baselines().get("persistence").nmaePercent(),
                        m.baselines().get("clear_sky").nmaePercent()));
            }
        }
        return dir;
    }
}
