package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A reference CSV of published expected values (pvlib-python's test suite, the NREL SPA report): comment
 * lines start with '#', then one header row, then rows with optionally quoted cells.
 */
final class ReferenceTable {

    private final List<Map<String, String>> rows;

    private ReferenceTable(List<Map<String, String>> rows) {
        this.rows = rows;
    }

    /** Returns the folder named by the system property solarmarket.reference.dir. */
    static Path folder() {
        String dir = System.getProperty("solarmarket.reference.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "reference folder not configured: " + dir);
        return Path.of(dir);
    }

    static ReferenceTable load(String fileName) {
        Path file = folder().resolve(fileName);
        try {
            List<String> header = null;
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = split(line);
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
                }
                rows.add(row);
            }
            return new ReferenceTable(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + file, e);
        }
    }

    List<Map<String, String>> rows() {
        return rows;
    }

    List<Map<String, String>> rows(Predicate<Map<String, String>> filter) {
        return rows.stream().filter(filter).toList();
    }

    /** Parses a numeric cell; "NaN" gives NaN, and a note after the number ("101325 (default)") is ignored. */
    static double number(Map<String, String> row, String column) {
        String text = row.get(column);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("column " + column + " is empty in " + row);
        }
        String first = text.trim().split("[ (]")[0];
        return Double.parseDouble(first);
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
