package org.solarmarket.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.solarmarket.contracts.Json;

class DeliveryReportTest {

    @TempDir
    Path dir;

    @Test
    void shortfallAndSurplusPerProsumer() throws Exception {
        DeliveryReport report = new DeliveryReport();
        report.addSold("over", new BigDecimal("3.000"));
        report.addProduced("over", new BigDecimal("2.250"));
        report.addSold("under", new BigDecimal("1.000"));
        report.addProduced("under", new BigDecimal("1.500"));
        report.addProduced("idle", new BigDecimal("0.400"));
        report.slotDone();
        Path file = dir.resolve("report.json");

        report.write(file);
        JsonNode json = Json.mapper().readTree(Files.readAllBytes(file));

        assertEquals("0.750", json.at("/prosumers/over/shortfall_kwh").asText());
        assertEquals("0.000", json.at("/prosumers/over/surplus_kwh").asText());
        assertEquals("0.000", json.at("/prosumers/under/shortfall_kwh").asText());
        assertEquals("0.500", json.at("/prosumers/under/surplus_kwh").asText());
        assertEquals("0.400", json.at("/prosumers/idle/surplus_kwh").asText());
        assertEquals("4.000", json.path("total_sold_kwh").asText());
        assertEquals("4.150", json.path("total_produced_kwh").asText());
        assertEquals(1, json.path("slots_settled").asInt());
    }
}
