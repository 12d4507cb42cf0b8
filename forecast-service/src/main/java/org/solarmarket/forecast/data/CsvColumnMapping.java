package org.solarmarket.forecast.data;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which CSV columns hold the timestamp and each quantity. A column is named by its header or by
 * its position as {@code #0}, {@code #1}, ... Timestamps must carry an offset unless
 * {@code localZone} says in which zone offset-free timestamps are written.
 *
 * <p>The text form, used in configuration and on the command line, is a list of
 * {@code key=column} pairs separated by semicolons, for example
 * {@code timestamp=measured_on;power=ac_power_2;power_unit=W} or
 * {@code timestamp=#0;ghi=ghi;air_temperature=temp_air;zone=America/Denver}.
 */
public record CsvColumnMapping(
        String timestampColumn,
        Optional<ZoneId> localZone,
        Map<SeriesField, String> columns,
        PowerUnit powerUnit) {

    public CsvColumnMapping {
        if (timestampColumn == null || timestampColumn.isBlank()) {
            throw new IllegalArgumentException("column mapping needs a timestamp column");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("column mapping needs at least one value column");
        }
        columns = Map.copyOf(columns);
    }

    public static CsvColumnMapping parse(String text) {
        String timestamp = null;
        Optional<ZoneId> zone = Optional.empty();
        PowerUnit unit = PowerUnit.KW;
        Map<SeriesField, String> columns = new EnumMap<>(SeriesField.class);
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("invalid column mapping entry '" + pair + "': expected key=column");
            }
            String key = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            switch (key) {
                case "timestamp" -> timestamp = value;
                case "zone" -> zone = Optional.of(ZoneId.of(value));
                case "power_unit" -> unit = PowerUnit.parse(value);
                default -> columns.put(SeriesField.parse(key), value);
            }
        }
        return new CsvColumnMapping(timestamp, zone, columns, unit);
    }
}
