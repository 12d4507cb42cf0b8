package org.solarmarket.forecast.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.solarmarket.forecast.features.WeatherInputs;
import org.solarmarket.forecast.model.ModelStore;

/**
 * Trains small system50 models (both settings) on a slice of the real data into a fresh folder
 * before Quarkus starts, and points the service at it. serf-east stays untrained.
 */
public class SmallModelResource implements QuarkusTestResourceLifecycleManager {

    private Path dir;

    @Override
    public Map<String, String> start() {
        dir = Path.of("target", "test-models").toAbsolutePath();
        deleteTree(dir);
        ModelStore store = new ModelStore(dir);
        for (WeatherInputs inputs : WeatherInputs.values()) {
            store.save(PrimaryPlant.trainSmall(inputs).models());
        }
        return Map.of("solarmarket.forecast.models-dir", dir.toString(),
                "solarmarket.forecast.data-dir", TestData.dataDir().toString());
    }

    @Override
    public void stop() {
        // The models stay under target/ for inspection; the next start replaces them.
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
