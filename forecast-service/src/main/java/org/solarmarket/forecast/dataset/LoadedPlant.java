package org.solarmarket.forecast.dataset;

import org.solarmarket.forecast.features.PlantTimeline;
import org.solarmarket.forecast.plant.PlantConfig;
import org.solarmarket.forecast.quality.DataQualityReport;

/** A plant's cleaned history with its physics, ready for features. */
public record LoadedPlant(String plantId, PlantConfig config, PlantTimeline timeline, DataQualityReport quality,
        boolean weatherDecomposed) {
}
