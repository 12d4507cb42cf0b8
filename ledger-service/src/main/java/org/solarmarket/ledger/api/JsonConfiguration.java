package org.solarmarket.ledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.solarmarket.contracts.Json;

/** HTTP uses the platform's JSON dialect: snake_case, ISO-8601 instants, decimals as strings. */
public class JsonConfiguration {

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return Json.configure(JsonMapper.builder()).build();
    }
}
