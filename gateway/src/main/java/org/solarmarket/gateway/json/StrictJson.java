package org.solarmarket.gateway.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.solarmarket.contracts.Json;
import org.solarmarket.gateway.problem.ApiException;

/**
 * Parses request bodies under the gateway's strict rules: duplicate keys, {@code NaN},
 * {@code Infinity}, trailing tokens and numbers longer than {@value #MAX_NUMBER_CHARS} characters
 * are rejected by the parser, and every number is then range-checked on its decimal exponent
 * before anything converts it, so {@code 1e1000000000} costs no more than {@code 1}.
 */
public final class StrictJson {

    /** Longest accepted number literal in characters. */
    public static final int MAX_NUMBER_CHARS = 1000;
    /** Deepest accepted nesting of objects and arrays. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Largest accepted magnitude of a number's decimal exponent: no amount, coordinate or count needs more. */
    public static final int MAX_DECIMAL_EXPONENT = 30;

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final ObjectMapper MAPPER = Json.configure(JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(1_000_000)
                    .build())
            .build())).build();

    private StrictJson() {
    }

    /**
     * Parses a body that must be one JSON object.
     *
     * @throws ApiException HTTP 400 naming the field and the rule that the body breaks
     */
    public static JsonNode parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.invalidField("body", null, "a JSON object is required");
        }
        JsonNode tree = parse(body);
        if (!tree.isObject()) {
            throw ApiException.invalidField("body", null, "expected a JSON object, got " + tree.getNodeType());
        }
        checkNumbers(tree, "");
        return tree;
    }

    /** Parses one JSON text, such as a WebSocket message, under the same rules. */
    public static JsonNode parseObject(String text) {
        return parseObject(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ApiException.invalidField("body", null, limitBroken(e.getOriginalMessage()) + where(e));
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            Matcher duplicate = DUPLICATE.matcher(message);
            if (duplicate.find()) {
                throw new ApiException(400, "Invalid request", "duplicate field " + duplicate.group(1)
                        + ": each key may appear once in an object", duplicate.group(1), null);
            }
            throw ApiException.invalidField("body", null, "malformed JSON: " + plain(message) + where(e));
        } catch (IOException e) {
            throw ApiException.invalidField("body", null, "unreadable body: " + e.getMessage());
        }
    }

    /** Names the limit that a body broke, in the gateway's terms rather than the parser's. */
    private static String limitBroken(String parserMessage) {
        String lower = parserMessage.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("number")) {
            return "a number has more than " + MAX_NUMBER_CHARS + " characters";
        }
        if (lower.contains("nesting") || lower.contains("depth")) {
            return "objects and arrays nest deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        return "the body breaks a size limit of the JSON reader";
    }

    /**
     * Drops the parser's configuration hints, such as "enable JsonReadFeature.X to allow", which
     * name switches of the library that a client cannot set.
     */
    private static String plain(String parserMessage) {
        int hint = parserMessage.indexOf(": enable ");
        String message = hint > 0 ? parserMessage.substring(0, hint) : parserMessage;
        return message.replace('`', '\'');
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Rejects numbers whose decimal exponent is out of range, without expanding them. */
    private static void checkNumbers(JsonNode node, String path) {
        if (node.isNumber()) {
            checkMagnitude(node, path);
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkNumbers(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNumbers(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void checkMagnitude(JsonNode number, String path) {
        if (number.isBigInteger()) {
            // A BigInteger of up to MAX_NUMBER_CHARS digits is cheap to hold; only its size needs a check.
            if (number.bigIntegerValue().abs().bitLength() > 100) {
                throw ApiException.invalidField(path, number.asText().substring(0, 20) + "...",
                        "number out of range: at most " + MAX_DECIMAL_EXPONENT + " digits before the point");
            }
        } else if (number.isBigDecimal()) {
            checkDecimalRange(path, number.decimalValue());
        }
    }

    /**
     * Checks that a decimal read from text lies in range before its caller expands it.
     *
     * @throws ApiException HTTP 400 naming {@code field} when the exponent is out of range
     */
    public static void checkDecimalRange(String field, BigDecimal value) {
        if (value.signum() == 0) {
            return;
        }
        long leadingExponent = (long) value.precision() - value.scale() - 1;
        if (Math.abs(leadingExponent) > MAX_DECIMAL_EXPONENT || value.scale() > MAX_DECIMAL_EXPONENT + 10) {
            throw ApiException.invalidField(field, value.toString(), "number out of range: the decimal exponent"
                    + " must lie within +-" + MAX_DECIMAL_EXPONENT);
        }
    }
}
