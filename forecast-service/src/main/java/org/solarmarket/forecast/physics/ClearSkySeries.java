package org.solarmarket.forecast.physics;

import java.time.Instant;

/**
 * Clear-sky irradiance and solar geometry for a series of instants; index i of every array belongs to
 * {@code times[i]}. Night entries have 0 irradiance.
 *
 * @param times           the instants
 * @param ghi             clear-sky global horizontal irradiance [W/m²]
 * @param dni             clear-sky direct normal irradiance [W/m²]
 * @param dhi             clear-sky diffuse horizontal irradiance [W/m²]
 * @param apparentZenith  apparent solar zenith, with refraction [°]
 * @param azimuth         solar azimuth, clockwise from north [°]
 * @param dniExtra        extraterrestrial normal irradiance [W/m²]
 * @param linkeTurbidity  Linke turbidity used [unitless]
 */
public record ClearSkySeries(
        Instant[] times,
        double[] ghi,
        double[] dni,
        double[] dhi,
        double[] apparentZenith,
        double[] azimuth,
        double[] dniExtra,
        double[] linkeTurbidity) {

    /** Returns the number of instants. */
    public int size() {
        return times.length;
    }
}
