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
import org.solarmarket.contracts.OrderRules;

/**
 * Per prosumer: energy sold on the market against energy metered, both in kWh, over the whole
 * replay. {@code shortfall_kwh} is what it sold beyond its production and must buy from the grid;
 * {@code surplus_kwh} is production it did not sell, spilled to the grid at the feed-in tariff.
 * At most one of the two is above zero.
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

    /** Writes an amount with at least the three decimals of the 1 Wh tick, for example 0.000. */
    private static String atKwhScale(BigDecimal kwh) {
        return kwh.setScale(Math.max(kwh.scale(), OrderRules.QUANTITY_SCALE)).toPlainString();
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
            BigDecimal difference = s.subtract(p);
            row.put("shortfall_kwh", atKwhScale(difference.max(BigDecimal.ZERO)));
            row.put("surplus_kwh", atKwhScale(difference.negate().max(BigDecimal.ZERO)));
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
