package org.solarmarket.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.solarmarket.testsupport.ChildProcesses;

/** One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as a child process. */
final class ServiceProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;

    ServiceProcess(String module, int port, Map<String, String> environment, Path logDir) {
        this.module = module;
        this.port = port;
        this.environment = environment;
        this.logFile = logDir.resolve(module + ".log");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    /** Starts the service and waits until {@code /q/health/ready} reports UP. */
    void start() {
        Path root = Path.of(System.getProperty("solarmarket.project.root", ".."));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: package the services first (mvn package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString()));
        builder.directory(root.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + module, e);
        }
        awaitReady();
    }

    /** Stops the service with SIGTERM and waits for a clean exit. */
    void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
        process = null;
    }

    /** Kills the service with SIGKILL, as a crash would. */
    void kill() {
        ChildProcesses.kill(process);
        process = null;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with code " + process.exitValue()
                        + " during start; see " + logFile);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 && isOurs()) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + module, e);
            }
            sleep(200);
        }
        kill();
        throw new IllegalStateException(module + " was not ready within " + START_TIMEOUT.toSeconds() + " s; see "
                + logFile);
    }

    /**
     * Checks that the process listening on the port is this service. Another program may take the
     * free port between choosing it and the service binding it, and then this service exits while
     * the other program responds to the health check.
     */
    private boolean isOurs() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return false;
        }
        String title = org.solarmarket.contracts.Json.mapper().readTree(response.body()).path("info").path("title")
                .asText();
        return module.equals(title) && process.isAlive();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
