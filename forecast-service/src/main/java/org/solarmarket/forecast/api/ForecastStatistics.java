package org.solarmarket.forecast.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.solarmarket.forecast.carbon.CarbonFigures;
import org.solarmarket.forecast.serving.ForecastResult;

/** Energy, peak, capacity factor and carbon figures of a forecast, as response maps. */
final class ForecastStatistics {

    private ForecastStatistics() {
    }

    static BigDecimal kw(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }

    static BigDecimal energyKwh(double[] powerKw, int intervalMinutes) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal hours = BigDecimal.valueOf(intervalMinutes).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
        for (double value : powerKw) {
            total = total.add(kw(value).multiply(hours));
        }
        return total.setScale(3, RoundingMode.HALF_UP);
    }

    static Map<String, Object> of(ForecastResult result) {
        Map<String, Object> statistics = new LinkedHashMap<>();
        BigDecimal p10 = energyKwh(result.p10(), result.intervalMinutes());
        BigDecimal p50 = energyKwh(result.p50(), result.intervalMinutes());
        BigDecimal p90 = energyKwh(result.p90(), result.intervalMinutes());
        statistics.put("energy_kwh", Map.of("p10", p10, "p50", p50, "p90", p90));
        statistics.put("clear_sky_energy_kwh", energyKwh(result.clearSky(), result.intervalMinutes()));
        int peak = 0;
        for (int k = 1; k < result.p50().length; k++) {
            if (result.p50()[k] > result.p50()[peak]) {
                peak = k;
            }
        }
        statistics.put("peak_power_kw", result.p50().length == 0 ? BigDecimal.ZERO : kw(result.p50()[peak]));
        statistics.put("peak_time", result.p50().length == 0 ? null : result.times()[peak]);
        BigDecimal hours = BigDecimal.valueOf((long) result.times().length * result.intervalMinutes())
                .divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
        BigDecimal possible = kw(result.acCapacityKw()).multiply(hours);
        statistics.put("capacity_factor", possible.signum() == 0 ? BigDecimal.ZERO
                : p50.divide(possible, 4, RoundingMode.HALF_UP));
        statistics.put("co2_avoided", carbon(CarbonFigures.of(p50)));
        return statistics;
    }

    static Map<String, Object> carbon(CarbonFigures figures) {
        Map<String, Object> carbon = new LinkedHashMap<>();
        carbon.put("energy_kwh", figures.energyKwh());
        carbon.put("co2_avoided_kg", figures.co2AvoidedKg());
        carbon.put("co2_avoided_tonnes", figures.co2AvoidedTonnes());
        carbon.put("tree_years", figures.treeYears());
        return carbon;
    }

    /** Splits P50 energy by local calendar day. */
    static List<Map<String, Object>> daily(ForecastResult result, ZoneId zone) {
        TreeMap<LocalDate, double[]> byDay = new TreeMap<>();
        for (int k = 0; k < result.times().length; k++) {
            byDay.computeIfAbsent(result.times()[k].atZone(zone).toLocalDate(), d -> new double[1])[0] +=
                    result.p50()[k] * result.intervalMinutes() / 60.0;
        }
        List<Map<String, Object>> days = new ArrayList<>();
        byDay.forEach((day, energy) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", day.toString());
            row.putAll(carbon(CarbonFigures.of(kw(energy[0]))));
            days.add(row);
        });
        return days;
    }

}
