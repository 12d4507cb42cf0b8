package org.solarmarket.trading.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.solarmarket.contracts.Json;

/** Serves HTTP with the same JSON dialect as the Kafka records: snake_case, amounts as strings. */
public class JsonConfiguration {

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return Json.mapper();
    }
}
