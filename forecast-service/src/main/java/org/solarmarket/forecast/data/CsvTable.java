package org.solarmarket.forecast.data;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Rows read from one CSV file through a {@link CsvColumnMapping}, sorted by time. */
public record CsvTable(Instant[] times, Map<SeriesField, double[]> columns) {

    public Optional<TimedValues> field(SeriesField field) {
        double[] values = columns.get(field);
        return values == null ? Optional.empty() : Optional.of(new TimedValues(times, values));
    }

    public TimedValues require(SeriesField field) {
        return field(field).orElseThrow(() -> new IllegalArgumentException("no column mapped to " + field.key()));
    }

    public int size() {
        return times.length;
    }
}
