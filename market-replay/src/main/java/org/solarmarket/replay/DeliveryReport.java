package org.solarmarket.replay;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.solarmarket.contracts.Json;

/**
 * Per prosumer: energy sold on the market against energy metered, both in kWh. A positive
 * shortfall means the prosumer sold more than it produced and must buy the difference from the
 * grid. A negative one is surplus spilled to the grid at the feed-in tariff.
 */
final class DeliveryReport {

    private final Map<String, BigDecimal> sold = new TreeMap<>();
    private final Map<String, BigDecimal> produced = new TreeMap<>();
    private int slots;

    synchronized void addSold(String userId, BigDecimal kwh) {
        sold.merge(userId, kwh, BigDecimal::add);
    }

    synchronized void addProduced(String userId, BigDecimal kwh) {
        produced.merge(userId, kwh, BigDecimal::add);
    }

    synchronized void slotDone() {
        slots++;
    }

    synchronized BigDecimal totalSold() {
        return sold.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    synchronized BigDecimal totalProduced() {
        return produced.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Writes the report as JSON, replacing the previous one atomically. */
    synchronized void write(Path file) throws IOException {
        Map<String, Object> prosumers = new TreeMap<>();
        for (String userId : produced.keySet()) {
            BigDecimal s = sold.getOrDefault(userId, BigDecimal.ZERO);
            BigDecimal p = produced.get(userId);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sold_kwh", s.toPlainString());
            row.put("produced_kwh", p.toPlainString());
            row.put("shortfall_kwh", s.subtract(p).toPlainString());
            prosumers.put(userId, row);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("slots_settled", slots);
        report.put("total_sold_kwh", totalSold().toPlainString());
        report.put("total_produced_kwh", totalProduced().toPlainString());
        report.put("prosumers", prosumers);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
