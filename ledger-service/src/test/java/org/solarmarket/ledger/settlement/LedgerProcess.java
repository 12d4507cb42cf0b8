package org.solarmarket.ledger.settlement;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged ledger-service in a child JVM, for tests that kill and restart it. */
final class LedgerProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final String bootstrapServers;
    private final String masterKey;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;
    private int port;
    private int starts;

    LedgerProcess(Path dataDir, String bootstrapServers, String masterKey) {
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
        this.masterKey = masterKey;
    }

    void start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("solarmarket.ledger.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("packaged service not found at " + jar.toAbsolutePath()
                    + "; run the build through 'mvn verify'");
        }
        port = freePort();
        starts++;
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", jar.toAbsolutePath().toString()));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("SOLARMARKET_LEDGER_DATA_DIR", dataDir.toString());
        builder.environment().put("SOLARMARKET_LEDGER_MASTER_KEY", masterKey);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("ledger-" + starts + ".log").toFile()));
        process = builder.start();
        awaitReady();
    }

    /** SIGKILL: no shutdown hook runs, exactly like a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Path log(int start) {
        return dataDir.resolve("ledger-" + start + ".log");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ledger-service exited with " + process.exitValue() + "; see "
                        + log(starts));
            }
            try {
                if (get("/stats").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("ledger-service did not answer within " + START_TIMEOUT.toSeconds()
                + " s; see " + log(starts));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
