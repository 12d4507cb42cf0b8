package org.solarmarket.gateway.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.solarmarket.gateway.support.Api;

/** Runs the example Python client's self-test against the gateway under test. */
@QuarkusTest
class PythonClientTest {

    private static final Path CLIENT = Path.of("..", "clients", "solarmarket_client.py");

    @TestHTTPResource("/")
    URL base;

    @Test
    void selfTestPasses() throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not installed");
        assertTrue(Files.isRegularFile(CLIENT), "client at " + CLIENT.toAbsolutePath());
        Process process = new ProcessBuilder(List.of("python3", CLIENT.toString(), "--url",
                "http://127.0.0.1:" + base.getPort(), "--prefix", Api.newUserId("py"), "self-test"))
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "the client finished: " + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("self-test passed"), output);
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
