package org.solarmarket.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.solarmarket.testsupport.BrokerProcess;
import org.solarmarket.testsupport.FreePorts;

/**
 * The whole platform on free loopback ports: a real broker and the four packaged services, each a
 * separate process, started in the same order as {@code bin/platform up}.
 */
final class Platform implements AutoCloseable {

    static final String FORECAST = "forecast-service";
    static final String TRADING = "trading-service";
    static final String LEDGER = "ledger-service";
    static final String GATEWAY = "gateway";

    private final BrokerProcess broker;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Path workDir;

    private Platform(Path workDir, Map<String, String> extraEnvironment) {
        this.workDir = workDir;
        this.broker = BrokerProcess.onFreePorts(null);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String module : new String[] {FORECAST, TRADING, LEDGER, GATEWAY}) {
            ports.put(module, FreePorts.pick());
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("SOLARMARKET_DATA_ROOT", workDir.toString());
        environment.put("SOLARMARKET_LEDGER_DATA_DIR", workDir.resolve("ledger").toString());
        environment.put("SOLARMARKET_TRADING_DATA_DIR", workDir.resolve("trading").toString());
        environment.put("SOLARMARKET_GATEWAY_DATA_DIR", workDir.resolve("gateway").toString());
        environment.put("SOLARMARKET_LEDGER_GENERATE_MASTER_KEY", "true");
        environment.put("SOLARMARKET_SHARED_DATA_DIR", System.getProperty("solarmarket.data.dir", "../shared/data"));
        environment.put("SOLARMARKET_MODELS_DIR", workDir.resolve("models").toString());
        environment.put("OMP_WAIT_POLICY", "PASSIVE");
        environment.putAll(extraEnvironment);
        environment.put("SOLARMARKET_SERVICES_FORECAST_URL", "http://127.0.0.1:" + ports.get(FORECAST));
        environment.put("SOLARMARKET_SERVICES_TRADING_URL", "http://127.0.0.1:" + ports.get(TRADING));
        environment.put("SOLARMARKET_SERVICES_LEDGER_URL", "http://127.0.0.1:" + ports.get(LEDGER));
        ports.forEach((module, port) -> services.put(module,
                new ServiceProcess(module, port, environment, workDir)));
    }

    /** Starts the broker and then every service, waiting for each to be ready. */
    static Platform start() {
        return start(newWorkDir(), Map.of());
    }

    /**
     * Starts the platform in a given work folder; forecast models are read from its
     * {@code models} subfolder.
     */
    static Platform start(Path workDir, Map<String, String> extraEnvironment) {
        Platform platform = new Platform(workDir, extraEnvironment);
        try {
            platform.broker.start();
            platform.services.values().forEach(ServiceProcess::start);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    static Path newWorkDir() {
        try {
            return Files.createTempDirectory("solarmarket-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the end-to-end work folder", e);
        }
    }

    String gatewayUrl() {
        return services.get(GATEWAY).baseUrl();
    }

    String gatewayWebSocketUrl() {
        return "ws://127.0.0.1:" + services.get(GATEWAY).port() + "/ws";
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    ServiceProcess service(String module) {
        return services.get(module);
    }

    BrokerProcess broker() {
        return broker;
    }

    Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        var reversed = new java.util.ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        broker.stop();
    }

}
