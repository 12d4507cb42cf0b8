package org.solarmarket.forecast.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the measured data sets given to the tests by the build. */
public final class TestData {

    private TestData() {
    }

    public static Path dataDir() {
        String dir = System.getProperty("solarmarket.data.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "solarmarket.data.dir is not set or missing");
        return Path.of(dir);
    }

    public static Path primaryDir() {
        return dataDir().resolve("nrel_pvdaq_system50_2011_2013");
    }

    public static Path serfEastDir() {
        return dataDir().resolve("nrel_serf_east_2016");
    }
}
