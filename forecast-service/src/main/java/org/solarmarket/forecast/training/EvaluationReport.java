package org.solarmarket.forecast.training;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.solarmarket.forecast.dataset.LoadedPlant;
import org.solarmarket.forecast.dataset.PlantDefinition;
import org.solarmarket.forecast.evaluation.BandMetrics;
import org.solarmarket.forecast.evaluation.Baselines;
import org.solarmarket.forecast.evaluation.Charts;
import org.solarmarket.forecast.evaluation.ForecastMetrics;
import org.solarmarket.forecast.evaluation.PointScores;
import org.solarmarket.forecast.evaluation.ScoredRows;
import org.solarmarket.forecast.features.HorizonBand;
import org.solarmarket.forecast.features.RowSampler;
import org.solarmarket.forecast.features.SampledRows;
import org.solarmarket.forecast.model.FoldResult;
import org.solarmarket.forecast.model.ModelMetadata;
import org.solarmarket.forecast.model.QuantileModelSet;
import org.solarmarket.forecast.model.RawForecast;
import org.solarmarket.forecast.model.TrainingOutcome;
import org.solarmarket.forecast.model.TrainingProgress;

/**
 * Writes {@code evaluation.md} with its PNG figures: data quality, cross-validated metrics per
 * horizon band against the baselines, the targets met or missed, a fan chart and a calibration
 * plot, and an external check on a second plant.
 */
final class EvaluationReport {

    /** Horizon bands beyond this must beat smart persistence. */
    static final double NMAE_AND_PINBALL_TARGET_FROM_MINUTES = 60;
    static final double COVERAGE_MIN = 0.75;
    static final double COVERAGE_MAX = 0.85;
    private static final int FAN_DAYS = 5;
    private static final int FAN_OFFSET_DAYS = 25;

    private EvaluationReport() {
    }

    static Path write(Path dir, PlantDefinition definition, LoadedPlant plant, List<TrainingOutcome> outcomes,
            Optional<LoadedPlant> validation, TrainingProgress progress) {
        StringBuilder md = new StringBuilder();
        md.append("# Forecast evaluation: ").append(definition.name()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Generated %s by `bin/train --plant %s`. Plant `%s`: tilt %.0f°, "
                + "azimuth %.0f°, DC %.3f kW and AC %.3f kW estimated from the data. Grid %s to %s, %d min steps.%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), definition.id(), definition.id(),
                definition.site().tiltDegrees(), definition.site().azimuthDegrees(), plant.config().dcCapacityKw(),
                plant.config().acCapacityKw(), plant.timeline().start(), plant.timeline().time(plant.timeline().size() - 1),
                plant.timeline().step().toMinutes()));
        md.append("## Data quality\n\n").append(plant.quality().toMarkdown()).append('\n');
        if (plant.weatherDecomposed()) {
            md.append("The weather file has GHI and air temperature only: DNI and DHI come from the Erbs "
                    + "decomposition, and wind is missing (the physics uses 1 m/s).\n\n");
        }
        md.append(method(outcomes));
        for (TrainingOutcome outcome : outcomes) {
            md.append(settingSection(dir, plant, outcome, progress));
        }
        validation.ifPresent(other -> md.append(external(other, outcomes, progress)));
        Path report = dir.resolve("evaluation.md");
        try {
            Files.createDirectories(dir);
            Files.writeString(report, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + report, e);
        }
        return report;
    }

    private static String method(List<TrainingOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return "";
        }
        ModelMetadata metadata = outcomes.get(0).models().metadata();
        var p = metadata.parameters();
        return String.format(Locale.ROOT, """
                ## Method

                XGBoost %s `reg:quantileerror` models of the residual `(power - p_clear) / AC capacity` at \
                alpha 0.1, 0.5 and 0.9 (hist, lossguide, up to %d trees, eta %.2f, %d leaves, subsample %.1f, \
                column sample %.1f, min child weight %.0f, %d XGBoost thread(s) per model, the three quantiles \
                fitted at once where the cores allow). Each training target gets %d random \
                horizon bands, one horizon each. Time-series cross-validation with %d expanding-window folds: \
                fold k trains on every target before block k (the last 15 %% of them pick the tree count by early \
                stopping after %d rounds without gain), and is scored on block k from issue times inside the \
                block, one row per horizon band and target, so every test timestamp is later than every training \
                timestamp. P10 and P90 are then moved by a split-conformal shift per band, fitted on forecasts \
                made before the block (the validation period and earlier folds' blocks). The final models train on \
                all data with the folds' median tree count. Published power is `p_clear + residual`, clipped to \
                [0, AC capacity] and sorted so that P10 <= P50 <= P90.

                Metrics are on daylight rows (`p_clear > 0`) of the pooled fold test blocks. NMAE is MAE in \
                percent of AC capacity. Baselines get the same rows: persistence (power at issue time), smart \
                persistence (clear-sky index of the last hour, else of the last 24 h, times `p_clear` at the \
                target) and clear sky (`p_clear`). A baseline is a point forecast, so its pinball loss uses it as \
                every quantile, which equals half its MAE. Skill is `1 - model / baseline`.

                """, metadata.xgboostVersion(), p.maxRounds(), p.learningRate(), p.maxLeaves(), p.subsample(),
                p.columnSample(), p.minChildWeight(), p.threads(), p.horizonsPerTarget(), p.folds(),
                p.earlyStoppingRounds());
    }

    private static String settingSection(Path dir, LoadedPlant plant, TrainingOutcome outcome,
            TrainingProgress progress) {
        ModelMetadata metadata = outcome.models().metadata();
        String setting = metadata.weatherInputs();
        StringBuilder md = new StringBuilder();
        md.append("## Setting: ").append(setting.equals("weather")
                ? "weather inputs (observed weather as a stand-in for a weather forecast)"
                : "no weather inputs").append("\n\n");
        md.append(String.format(Locale.ROOT, "Training with cross-validation took %.1f s; trees per quantile %s; "
                + "fold best iterations %s.%n%n", outcome.seconds(), metadata.rounds(), metadata.foldBestIterations()));
        md.append(metricsTable(metadata.validation()));
        md.append(targets(metadata.validation()));
        for (BandMetrics m : metadata.validation()) {
            progress.step(String.format(Locale.ROOT, "[%s] %-8s NMAE %.2f %% (smart persistence %.2f %%), "
                    + "pinball %.4f (%.4f), coverage %.3f", setting, m.band(), m.model().nmaePercent(),
                    m.baselines().get(Baselines.SMART_PERSISTENCE).nmaePercent(), m.model().pinball(),
                    m.baselines().get(Baselines.SMART_PERSISTENCE).pinball(), m.model().coverage()));
        }
        String fan = setting + "-fan-chart.png";
        String calibration = setting + "-calibration.png";
        fanChart(dir.resolve(fan), plant, outcome, setting);
        calibrationChart(dir.resolve(calibration), metadata.validation(), setting);
        md.append(String.format(Locale.ROOT, "![P10-P90 fan chart](%s)%n%n", fan));
        md.append(String.format(Locale.ROOT, "The fan chart shows %d real days from the last fold's test block: "
                + "each point is the out-of-sample forecast for that time issued 6 to 24 h earlier.%n%n", FAN_DAYS));
        md.append(String.format(Locale.ROOT, "![Calibration](%s)%n%n", calibration));
        return md.toString();
    }

    static String metricsTable(List<BandMetrics> metrics) {
        StringBuilder md = new StringBuilder();
        md.append("| band | rows | MAE kW | NMAE % | RMSE kW | pinball P10/P50/P90 | pinball mean | P10-P90 coverage "
                + "| below P10/P50/P90 |\n|---|---|---|---|---|---|---|---|---|\n");
        for (BandMetrics m : metrics) {
            var s = m.model();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.2f | %.4f | %.4f / %.4f / %.4f | %.4f | %.1f %% "
                    + "| %.3f / %.3f / %.3f |%n", m.band(), m.rows(), s.mae(), s.nmaePercent(), s.rmse(),
                    s.pinballP10(), s.pinballP50(), s.pinballP90(), s.pinball(), 100 * s.coverage(), s.belowP10(),
                    s.belowP50(), s.belowP90()));
        }
        md.append("\nBaselines on the same rows (NMAE %, pinball kW) and the model's skill (NMAE skill, pinball skill):\n\n");
        md.append("| band | persistence | smart persistence | clear sky | skill vs persistence | skill vs smart "
                + "persistence | skill vs clear sky |\n|---|---|---|---|---|---|---|\n");
        for (BandMetrics m : metrics) {
            md.append("| ").append(m.band());
            for (String name : List.of(Baselines.PERSISTENCE, Baselines.SMART_PERSISTENCE, Baselines.CLEAR_SKY)) {
                PointScores b = m.baselines().get(name);
                md.append(String.format(Locale.ROOT, " | %.2f %%, %.4f", b.nmaePercent(), b.pinball()));
            }
            for (String name : List.of(Baselines.PERSISTENCE, Baselines.SMART_PERSISTENCE, Baselines.CLEAR_SKY)) {
                md.append(String.format(Locale.ROOT, " | %+.1f %%, %+.1f %%", 100 * m.maeSkill().get(name),
                        100 * m.pinballSkill().get(name)));
            }
            md.append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** States for each target whether it is met, and by how much it is missed. */
    static String targets(List<BandMetrics> metrics) {
        StringBuilder md = new StringBuilder("Targets:\n\n");
        for (BandMetrics m : metrics) {
            if (m.band().equals("all")) {
                continue;
            }
            HorizonBand band = Arrays.stream(HorizonBand.values()).filter(b -> b.label().equals(m.band())).findFirst()
                    .orElseThrow();
            PointScores smart = m.baselines().get(Baselines.SMART_PERSISTENCE);
            if (band.lowerMinutes() >= NMAE_AND_PINBALL_TARGET_FROM_MINUTES) {
                md.append(String.format(Locale.ROOT, "- %s: NMAE %.2f %% vs smart persistence %.2f %%: %s; pinball "
                        + "%.4f vs %.4f kW: %s.%n", m.band(), m.model().nmaePercent(), smart.nmaePercent(),
                        verdict(m.model().nmaePercent(), smart.nmaePercent()), m.model().pinball(), smart.pinball(),
                        verdict(m.model().pinball(), smart.pinball())));
            }
            double coverage = 100 * m.model().coverage();
            String coverageVerdict = coverage < 100 * COVERAGE_MIN
                    ? String.format(Locale.ROOT, "MISSED by %.1f points (below 75 %%)", 100 * COVERAGE_MIN - coverage)
                    : coverage > 100 * COVERAGE_MAX
                            ? String.format(Locale.ROOT, "MISSED by %.1f points (above 85 %%)", coverage - 100 * COVERAGE_MAX)
                            : "met (75-85 %)";
            md.append(String.format(Locale.ROOT, "- %s: P10-P90 coverage %.1f %%: %s.%n", m.band(), coverage,
                    coverageVerdict));
        }
        return md.append('\n').toString();
    }

    private static String verdict(double model, double baseline) {
        return model < baseline
                ? String.format(Locale.ROOT, "met (%.1f %% better)", 100 * (1 - model / baseline))
                : String.format(Locale.ROOT, "MISSED by %.1f %%", 100 * (model / baseline - 1));
    }

    private static void fanChart(Path file, LoadedPlant plant, TrainingOutcome outcome, String setting) {
        FoldResult last = outcome.folds().get(outcome.folds().size() - 1);
        Instant from = last.testFrom().plus(Duration.ofDays(FAN_OFFSET_DAYS));
        Instant to = from.plus(Duration.ofDays(FAN_DAYS));
        ScoredRows rows = last.rows();
        List<Integer> picked = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            long target = rows.targetEpochSeconds()[r];
            if (HorizonBand.of(rows.horizonMinutes()[r]) == HorizonBand.FROM_6H_TO_24H
                    && target >= from.getEpochSecond() && target < to.getEpochSecond()) {
                picked.add(r);
            }
        }
        picked.sort((a, b) -> Long.compare(rows.targetEpochSeconds()[a], rows.targetEpochSeconds()[b]));
        if (picked.size() < 2) {
            return;
        }
        int n = picked.size();
        Instant[] times = new Instant[n];
        double[][] columns = new double[5][n];
        for (int i = 0; i < n; i++) {
            int r = picked.get(i);
            times[i] = Instant.ofEpochSecond(rows.targetEpochSeconds()[r]);
            columns[0][i] = rows.observed()[r];
            columns[1][i] = rows.p10()[r];
            columns[2][i] = rows.p50()[r];
            columns[3][i] = rows.p90()[r];
            columns[4][i] = rows.baselines().get(Baselines.CLEAR_SKY)[r];
        }
        Charts.fanChart(file, String.format(Locale.ROOT, "%s: forecasts issued 6-24 h ahead, out of sample (%s)",
                setting, plant.plantId()), times, columns[0], columns[1], columns[2], columns[3], columns[4],
                plant.timeline().zone());
    }

    private static void calibrationChart(Path file, List<BandMetrics> metrics, String setting) {
        Color[] colors = {new Color(31, 119, 180), new Color(44, 160, 44), new Color(214, 39, 40),
                new Color(148, 103, 189), Color.BLACK};
        List<Charts.CalibrationSeries> series = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            BandMetrics m = metrics.get(i);
            series.add(new Charts.CalibrationSeries(m.band(), new double[] {m.model().belowP10(), m.model().belowP50(),
                    m.model().belowP90()}, colors[i % colors.length]));
        }
        Charts.calibrationChart(file, "Calibration, " + setting + " (daylight rows)", new double[] {0.1, 0.5, 0.9},
                series);
    }

    /** Scores the final models on another plant they never saw, with that plant's own capacity. */
    private static String external(LoadedPlant other, List<TrainingOutcome> outcomes, TrainingProgress progress) {
        StringBuilder md = new StringBuilder("## External check on plant `" + other.plantId() + "`\n\n");
        md.append(String.format(Locale.ROOT, "The final models forecast plant `%s` (%s to %s, DC %.3f kW and AC %.3f kW "
                + "estimated from its data, full NSRDB weather with DNI, DHI and wind). These models never saw that "
                + "plant; every feature is relative to capacity, so they apply as they are. Rows: every daylight "
                + "target, one issue time per horizon band, issue times inside the data.%n%n", other.plantId(),
                other.timeline().start(), other.timeline().time(other.timeline().size() - 1),
                other.config().dcCapacityKw(), other.config().acCapacityKw()));
        for (TrainingOutcome outcome : outcomes) {
            QuantileModelSet models = outcome.models();
            if (models.features().inputs() == org.solarmarket.forecast.features.WeatherInputs.WEATHER
                    && !other.timeline().hasWeather()) {
                continue;
            }
            SampledRows rows = new RowSampler(models.features(), 7).sample(other.timeline(), 0, other.timeline().size(),
                    HorizonBand.values().length, issue -> !Double.isNaN(other.timeline().powerKw()[issue]));
            double[][] residuals = models.predictResiduals(rows.features(), rows.size());
            ScoredRows scored = RawForecast.of(other.timeline(), rows, residuals).publish(other.plantId(),
                    other.timeline().acCapacityKw(), models.metadata().intervalCalibration());
            Baselines.attach(scored, other.timeline(), rows.issueIndex(), rows.targetIndex());
            List<BandMetrics> metrics = ForecastMetrics.byBand(scored, other.timeline().acCapacityKw());
            md.append("### ").append(models.metadata().weatherInputs()).append("\n\n").append(metricsTable(metrics))
                    .append(targets(metrics));
            BandMetrics all = metrics.get(metrics.size() - 1);
            progress.step(String.format(Locale.ROOT, "[%s on %s] NMAE %.2f %%, coverage %.3f",
                    models.metadata().weatherInputs(), other.plantId(), all.model().nmaePercent(),
                    all.model().coverage()));
        }
        return md.toString();
    }
}
