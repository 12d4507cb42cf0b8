package org.solarmarket.forecast.solar;

import org.solarmarket.forecast.physics.InvalidInputException;

/** Parsing of numeric query parameters with errors that name the parameter. */
final class QueryParameters {

    private QueryParameters() {
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
