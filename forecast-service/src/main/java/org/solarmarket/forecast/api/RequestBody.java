package org.solarmarket.forecast.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.solarmarket.contracts.Json;

/**
 * A JSON request body read field by field, so each rejection names the field, the value and the
 * rule. Numbers may be JSON numbers or decimal strings.
 */
final class RequestBody {

    private final JsonNode root;

    private RequestBody(JsonNode root) {
        this.root = root;
    }

    /**
     * Parses a body that may contain only the {@code allowed} fields. An unknown field is
     * rejected by name, because a misspelt optional field would otherwise fall back to its
     * default silently.
     */
    static RequestBody parse(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) {
            return new RequestBody(Json.mapper().createObjectNode());
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "Invalid request", null, null, "request body is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ProblemException(400, "Invalid request", null, null, "request body must be a JSON object");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ProblemException.invalid(name, root.get(name).toString(),
                        "is not a known field; the fields are " + new TreeSet<>(allowed));
            }
        }
        return new RequestBody(root);
    }

    /** Tells whether the body contains {@code field} with a value other than null. */
    boolean has(String field) {
        JsonNode node = root.get(field);
        return node != null && !node.isNull();
    }


    Optional<String> text(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ProblemException.invalid(field, node.toString(), "must be a string");
        }
        return Optional.of(node.asText());
    }

    Optional<BigDecimal> decimal(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String text = node.isNumber() ? node.decimalValue().toPlainString() : node.isTextual() ? node.asText() : null;
        if (text == null || text.length() > 100) {
            throw ProblemException.invalid(field, node.toString(), "must be a number");
        }
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, text, "must be a number");
        }
    }

    /** Reads an integer in [min, max], or the default when absent. */
    int integer(String field, int defaultValue, int min, int max) {
        Optional<BigDecimal> value = decimal(field);
        if (value.isEmpty()) {
            return defaultValue;
        }
        BigDecimal number = value.get();
        if (number.stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalid(field, number.toPlainString(), "must be a whole number");
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ProblemException.invalid(field, number.toPlainString(), "must be between " + min + " and " + max);
        }
        return number.intValueExact();
    }

    /** Reads a number in [min, max]; {@code exclusiveMin} rejects the minimum itself. */
    Optional<Double> number(String field, double min, boolean exclusiveMin, double max) {
        Optional<BigDecimal> value = decimal(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        double number = value.get().doubleValue();
        boolean aboveMin = exclusiveMin ? number > min : number >= min;
        if (!aboveMin || number > max) {
            throw ProblemException.invalid(field, value.get().toPlainString(), "must be " + (exclusiveMin ? "> " : ">= ")
                    + min + " and <= " + max);
        }
        return Optional.of(number);
    }

    Optional<Instant> instant(String field) {
        return text(field).map(value -> parseInstant(field, value));
    }

    static Instant parseInstant(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime.parse(value);
                throw ProblemException.invalid(field, value,
                        "has no UTC offset; give one such as 2012-06-01T12:00:00Z or 2012-06-01T06:00:00-06:00");
            } catch (DateTimeParseException notIso) {
                throw ProblemException.invalid(field, value, "must be an ISO-8601 time with offset, e.g. "
                        + "2012-06-01T12:00:00Z");
            }
        }
    }
}
