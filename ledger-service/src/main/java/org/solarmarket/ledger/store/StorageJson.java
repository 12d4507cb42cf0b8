package org.solarmarket.ledger.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.solarmarket.contracts.Json;

/**
 * JSON for records on disk: the platform's dialect, but strict about unknown fields and missing
 * primitives, so that a damaged record fails to parse rather than losing a field silently.
 */
public final class StorageJson {

    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private StorageJson() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Parses one record.
     *
     * @throws IllegalArgumentException when the bytes are not a valid {@code type}
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + " record: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage()), e);
        }
    }
}
