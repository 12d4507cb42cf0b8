package org.solarmarket.forecast.quality;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Result of testing whether a logger clock followed daylight saving time while its labels kept a
 * fixed offset.
 *
 * @param zone                 the zone whose DST rules were tested
 * @param detected             whether the daily power centroid jumps with the zone's transitions
 * @param medianJumpMinutes    median over transitions of the centroid jump, signed so that a clock
 *                             that follows DST gives about +60 [min]
 * @param transitions          the jump measured at each transition inside the data
 */
public record ClockShiftFinding(ZoneId zone, boolean detected, double medianJumpMinutes,
        List<TransitionJump> transitions) {

    /**
     * Centroid jump at one DST transition.
     *
     * @param transition   the transition instant
     * @param expectedMinutes the clock change at that transition, +60 in spring and -60 in autumn [min]
     * @param jumpMinutes  mean daily centroid in the week after minus the week before [min]
     */
    public record TransitionJump(Instant transition, double expectedMinutes, double jumpMinutes) {
    }
}
