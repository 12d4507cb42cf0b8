package org.solarmarket.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real Kafka broker (the project's {@code broker} module) in a child JVM, for integration tests.
 *
 * <p>The broker's classpath comes from {@code broker/target}, which the reactor builds before any
 * service's tests; the system properties {@code solarmarket.broker.jar} and
 * {@code solarmarket.broker.lib} point at it.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String topics;
    private Process process;

    public BrokerProcess(Path dataDir, int port, int controllerPort, String topics) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.topics = topics;
    }

    /** Creates a broker on two free loopback ports with its data in a new temporary folder. */
    public static BrokerProcess onFreePorts(String topics) {
        try {
            return new BrokerProcess(Files.createTempDirectory("solarmarket-kafka-"), freePort(), freePort(), topics);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder for the test broker", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Starts the broker and waits until it has created its topics. */
    public void start() {
        Path jar = Path.of(System.getProperty("solarmarket.broker.jar", "../broker/target/broker.jar"));
        Path lib = Path.of(System.getProperty("solarmarket.broker.lib", "../broker/target/lib"));
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("broker classpath not found at " + jar.toAbsolutePath() + " and "
                    + lib.toAbsolutePath() + ": run 'mvn install -pl broker' first");
        }
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaCommand, "-Xmx512m", "-cp",
                jar.toAbsolutePath() + java.io.File.pathSeparator + lib.toAbsolutePath() + "/*",
                "org.solarmarket.broker.KafkaBroker"));
        builder.environment().put("KAFKA_DATA_DIR", dataDir.toString());
        builder.environment().put("KAFKA_PORT", String.valueOf(port));
        builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
        if (topics != null) {
            builder.environment().put("KAFKA_TOPICS", topics);
        }
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test broker with " + javaCommand, e);
        }
        awaitReady();
    }

    /** Stops the broker with SIGTERM, the way an operator would, and waits for it to exit. */
    public void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(60));
        process = null;
    }

    /** Kills the broker with SIGKILL, for failure drills. */
    public void kill() {
        ChildProcesses.kill(process);
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        Path ready = dataDir.resolve("broker.ready");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(ready)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("test broker exited with code " + process.exitValue()
                        + " before it was ready; see " + dataDir.resolve("broker.log"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the test broker", e);
            }
        }
        kill();
        throw new IllegalStateException("test broker was not ready within " + START_TIMEOUT.toSeconds()
                + " s; see " + dataDir.resolve("broker.log"));
    }

    private static int freePort() {
        return FreePorts.pick();
    }
}
