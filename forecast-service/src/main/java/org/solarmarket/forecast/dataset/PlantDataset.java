package org.solarmarket.forecast.dataset;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.solarmarket.forecast.data.CsvColumnMapping;

/**
 * Location and column mappings of a plant's measured power and weather files.
 *
 * @param powerFile      CSV with measured AC power
 * @param powerMapping   its column mapping
 * @param weatherFile    CSV with weather, if any
 * @param weatherMapping its column mapping (ignored without a weather file)
 * @param step           grid step of the power series
 * @param dstZone        zone whose DST rules the power logger clock may have followed; empty skips
 *                       the test
 */
public record PlantDataset(
        Path powerFile,
        CsvColumnMapping powerMapping,
        Optional<Path> weatherFile,
        Optional<CsvColumnMapping> weatherMapping,
        Duration step,
        Optional<ZoneId> dstZone) {
}
