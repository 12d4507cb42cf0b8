package org.solarmarket.forecast.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads time series from CSV files with a header row, by a {@link CsvColumnMapping}. Blank lines
 * are skipped, an empty or non-numeric field ("NaN", "nan") reads as NaN, and timestamps are
 * ISO-8601 with a space or {@code T} between date and time.
 */
public final class CsvSeriesReader {

    private CsvSeriesReader() {
    }

    public static CsvTable read(Path file, CsvColumnMapping mapping) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            List<String> header = splitLine(stripBom(headerLine));
            int timestampIndex = columnIndex(file, header, mapping.timestampColumn());
            Map<SeriesField, Integer> indexes = new EnumMap<>(SeriesField.class);
            mapping.columns().forEach((field, column) -> indexes.put(field, columnIndex(file, header, column)));

            List<Instant> times = new ArrayList<>();
            Map<SeriesField, double[]> values = new EnumMap<>(SeriesField.class);
            indexes.keySet().forEach(field -> values.put(field, new double[1024]));
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = splitLine(line);
                int row = times.size();
                times.add(parseTimestamp(fieldAt(fields, timestampIndex), mapping, file, lineNumber));
                for (Map.Entry<SeriesField, Integer> entry : indexes.entrySet()) {
                    double[] column = values.get(entry.getKey());
                    if (row == column.length) {
                        column = Arrays.copyOf(column, column.length * 2);
                        values.put(entry.getKey(), column);
                    }
                    double value = parseNumber(fieldAt(fields, entry.getValue()));
                    column[row] = entry.getKey() == SeriesField.POWER ? mapping.powerUnit().toKilowatts(value) : value;
                }
            }
            return sorted(times, values);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + file, e);
        }
    }

    private static CsvTable sorted(List<Instant> times, Map<SeriesField, double[]> values) {
        int n = times.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> times.get(a).compareTo(times.get(b)));
        Instant[] sortedTimes = new Instant[n];
        Map<SeriesField, double[]> sortedValues = new EnumMap<>(SeriesField.class);
        values.forEach((field, column) -> sortedValues.put(field, new double[n]));
        for (int i = 0; i < n; i++) {
            sortedTimes[i] = times.get(order[i]);
            for (Map.Entry<SeriesField, double[]> entry : values.entrySet()) {
                sortedValues.get(entry.getKey())[i] = entry.getValue()[order[i]];
            }
        }
        return new CsvTable(sortedTimes, sortedValues);
    }

    static Instant parseTimestamp(String text, CsvColumnMapping mapping, Path file, int lineNumber) {
        String iso = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            if (mapping.localZone().isEmpty()) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ": timestamp '" + text
                        + "' has no UTC offset and the column mapping names no zone", withoutOffset);
            }
            try {
                return LocalDateTime.parse(iso).atZone(mapping.localZone().get()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ": invalid timestamp '" + text
                        + "', expected ISO-8601 such as 2016-07-01 12:00:00-07:00", e);
            }
        }
    }

    private static double parseNumber(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int columnIndex(Path file, List<String> header, String column) {
        if (column.startsWith("#")) {
            int index = Integer.parseInt(column.substring(1));
            if (index >= header.size()) {
                throw new IllegalArgumentException(file + " has " + header.size() + " columns, no column " + column);
            }
            return index;
        }
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column '" + column + "'; header is " + header);
        }
        return index;
    }

    private static String fieldAt(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Splits one CSV line on commas, honouring double quotes. */
    static List<String> splitLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
