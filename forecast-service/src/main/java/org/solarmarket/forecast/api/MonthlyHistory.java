package org.solarmarket.forecast.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.solarmarket.forecast.carbon.CarbonFigures;
import org.solarmarket.forecast.features.PlantTimeline;
import org.solarmarket.forecast.serving.ServedPlant;

/** Measured energy and CO2 avoided per calendar month over the year before a time. */
@ApplicationScoped
public class MonthlyHistory {

    public List<Map<String, Object>> lastTwelveMonths(ServedPlant plant, Instant until) {
        if (plant.history().isEmpty()) {
            return List.of();
        }
        PlantTimeline timeline = plant.history().get().timeline();
        ZoneId zone = timeline.zone();
        YearMonth last = YearMonth.from(until.atZone(zone));
        YearMonth first = last.minusMonths(11);
        TreeMap<YearMonth, double[]> months = new TreeMap<>();
        double stepHours = timeline.step().getSeconds() / 3600.0;
        for (int i = 0; i < timeline.size(); i++) {
            Instant time = timeline.time(i);
            if (time.isAfter(until)) {
                break;
            }
            YearMonth month = YearMonth.from(time.atZone(zone));
            if (month.isBefore(first)) {
                continue;
            }
            double[] sums = months.computeIfAbsent(month, m -> new double[2]);
            double power = timeline.powerKw()[i];
            if (Double.isNaN(power)) {
                sums[1]++;
            } else {
                sums[0] += power * stepHours;
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        months.forEach((month, sums) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", month.toString());
            row.putAll(ForecastStatistics.carbon(CarbonFigures.of(ForecastStatistics.kw(sums[0]))));
            row.put("missing_intervals", (long) sums[1]);
            rows.add(row);
        });
        return rows;
    }

}
