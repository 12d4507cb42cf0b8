package org.solarmarket.forecast.solar;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.solarmarket.forecast.physics.InvalidInputException;

/** Parsing of numeric query parameters with errors that name the parameter. */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * Rejects a query parameter outside {@code allowed}, because a misspelt optional parameter
     * would otherwise fall back to its default silently, and a parameter given more than once,
     * because only one of its values would count.
     */
    static void requireKnown(UriInfo uri, Set<String> allowed) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(name, String.join(",", parameter.getValue()),
                        "is not a known parameter; the parameters are " + new TreeSet<>(allowed));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidInputException(name, String.join(",", parameter.getValue()), "is given "
                        + parameter.getValue().size() + " times; give it once");
            }
        }
    }

    static double required(String name, String text, double min, double max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(name, text, "is required");
        }
        return parse(name, text, min, max);
    }

    static double optional(String name, String text, double min, double max, double fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return parse(name, text, min, max);
    }

    /** Returns NaN when the parameter is absent. */
    static double optional(String name, String text, double min, double max) {
        return optional(name, text, min, max, Double.NaN);
    }

    private static double parse(String name, String text, double min, double max) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, text, "must be a decimal number");
        }
        return InvalidInputException.requireInRange(name, value, min, max);
    }
}
