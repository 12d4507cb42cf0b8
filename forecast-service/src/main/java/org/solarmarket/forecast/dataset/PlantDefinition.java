package org.solarmarket.forecast.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.solarmarket.forecast.data.CsvColumnMapping;

/**
 * A plant as an operator describes it in a properties file: site, array, capacities ("auto" to
 * estimate them from the data) and the CSV files with their column mappings. File paths are
 * relative to the data folder unless absolute.
 *
 * <pre>
 * name=My roof
 * latitude=39.7406
 * longitude=-105.1775
 * altitude-meters=1800
 * zone=America/Denver
 * tilt-degrees=45
 * azimuth-degrees=158
 * dc-capacity-kw=auto
 * ac-capacity-kw=auto
 * linke-turbidity=3.0
 * power-file=my_roof/power.csv
 * power-mapping=timestamp=measured_on;power=ac_power;power_unit=W
 * power-step-minutes=15
 * power-clock-dst-zone=America/Denver
 * weather-file=my_roof/weather.csv
 * weather-mapping=timestamp=time;ghi=ghi;air_temperature=temp_air
 * </pre>
 */
public record PlantDefinition(String id, String name, PlantSite site, PlantDataset dataset) {

    /** Reads a built-in plant from the class path ({@code plants/<id>.properties}). */
    public static Optional<PlantDefinition> builtIn(String id, Path dataDir) {
        try (InputStream in = PlantDefinition.class.getResourceAsStream("/plants/" + id + ".properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.of(parse(id, properties, dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read built-in plant " + id, e);
        }
    }

    public static PlantDefinition fromFile(Path file, Path dataDir) {
        String fileName = file.getFileName().toString();
        String id = fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - 11) : fileName;
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read plant file " + file, e);
        }
        return parse(id, properties, dataDir);
    }

    public static PlantDefinition parse(String id, Map<?, ?> properties, Path dataDir) {
        PlantSite site = new PlantSite(
                number(id, properties, "latitude"),
                number(id, properties, "longitude"),
                number(id, properties, "altitude-meters"),
                ZoneId.of(text(id, properties, "zone")),
                number(id, properties, "tilt-degrees"),
                number(id, properties, "azimuth-degrees"),
                capacity(id, properties, "dc-capacity-kw"),
                capacity(id, properties, "ac-capacity-kw"),
                properties.containsKey("linke-turbidity") ? number(id, properties, "linke-turbidity") : 3.0);
        Optional<Path> weatherFile = Optional.ofNullable((String) properties.get("weather-file"))
                .map(path -> dataDir.resolve(path.trim()));
        PlantDataset dataset = new PlantDataset(
                dataDir.resolve(text(id, properties, "power-file")),
                CsvColumnMapping.parse(text(id, properties, "power-mapping")),
                weatherFile,
                weatherFile.map(f -> CsvColumnMapping.parse(text(id, properties, "weather-mapping"))),
                Duration.ofMinutes((long) number(id, properties, "power-step-minutes")),
                Optional.ofNullable((String) properties.get("power-clock-dst-zone")).map(z -> ZoneId.of(z.trim())));
        String name = properties.containsKey("name") ? text(id, properties, "name") : id;
        return new PlantDefinition(id, name, site, dataset);
    }

    private static String text(String id, Map<?, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("plant " + id + ": missing property " + key);
        }
        return value.toString().trim();
    }

    private static double number(String id, Map<?, ?> properties, String key) {
        String value = text(id, properties, key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("plant " + id + ": property " + key + " = '" + value
                    + "' is not a number", e);
        }
    }

    private static double capacity(String id, Map<?, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null || "auto".equalsIgnoreCase(value.toString().trim())) {
            return Double.NaN;
        }
        return number(id, properties, key);
    }
}
