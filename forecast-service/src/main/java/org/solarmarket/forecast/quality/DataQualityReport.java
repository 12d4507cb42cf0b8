package org.solarmarket.forecast.quality;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the data-quality step changed in a power series.
 *
 * @param rowsRead               samples read from the file
 * @param clockShift             the DST test and its outcome
 * @param rowsShifted            samples moved back by the DST saving because their label fell in DST
 * @param duplicateRowsDropped   samples that landed on an already used stamp after the shift (the
 *                               ambiguous hour at the autumn transition)
 * @param negativeValuesClipped  negative readings (inverter tare at night) set to 0
 * @param minimumValueKw         lowest reading before clipping [kW]
 * @param gaps                   runs of missing grid points after the correction
 * @param missingRows            total missing grid points
 * @param gridRows               grid points from the first to the last sample
 */
public record DataQualityReport(
        int rowsRead,
        ClockShiftFinding clockShift,
        int rowsShifted,
        int duplicateRowsDropped,
        int negativeValuesClipped,
        double minimumValueKw,
        List<Gap> gaps,
        int missingRows,
        int gridRows) {

    /** A run of missing grid points, {@code first} and {@code last} inclusive. */
    public record Gap(Instant first, Instant last, int rows) {
    }

    /** Formats the report as a Markdown section body. */
    public String toMarkdown() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "- Rows read: %d; grid points: %d; missing: %d (%.2f %%).%n",
                rowsRead, gridRows, missingRows, 100.0 * missingRows / Math.max(1, gridRows)));
        text.append(String.format(Locale.ROOT,
                "- DST clock shift (%s rules): %s, median centroid jump %+.1f min over %d transitions.%n",
                clockShift.zone(), clockShift.detected() ? "detected" : "not detected",
                clockShift.medianJumpMinutes(), clockShift.transitions().size()));
        for (ClockShiftFinding.TransitionJump jump : clockShift.transitions()) {
            text.append(String.format(Locale.ROOT, "  - %s: clock change %+.0f min, centroid jump %+.1f min%n",
                    jump.transition(), jump.expectedMinutes(), jump.jumpMinutes()));
        }
        text.append(String.format(Locale.ROOT,
                "- Rows moved back by the DST saving: %d; rows dropped as duplicates of the repeated hour: %d.%n",
                rowsShifted, duplicateRowsDropped));
        text.append(String.format(Locale.ROOT, "- Negative readings (night tare) clipped to 0: %d (minimum %.5f kW).%n",
                negativeValuesClipped, minimumValueKw));
        text.append(String.format(Locale.ROOT, "- Gaps: %d runs; the longest:%n", gaps.size()));
        gaps.stream()
                .sorted((a, b) -> Integer.compare(b.rows(), a.rows()))
                .limit(5)
                .forEach(gap -> text.append(String.format(Locale.ROOT, "  - %s to %s (%d rows)%n",
                        gap.first(), gap.last(), gap.rows())));
        return text.toString();
    }
}
