package org.solarmarket.forecast.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.solarmarket.forecast.support.TestData;

class PrimaryDatasetDownloadTest {

    private static final byte[] CONTENT = "measured_on,ac_power_2\n2011-04-15 00:00:00-07:00,-0.07\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repo/data/power.csv", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, CONTENT.length);
            exchange.getResponseBody().write(CONTENT);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/repo");
    }

    @Test
    void gitBlobHashMatchesPublishedPrimaryFiles() throws IOException {
        for (PrimaryDatasetDownload.RemoteFile file : PrimaryDatasetDownload.FILES) {
            byte[] bytes = Files.readAllBytes(TestData.primaryDir().resolve(file.localName()));
            assertEquals(file.gitBlobSha1(), PrimaryDatasetDownload.gitBlobSha1(bytes), file.localName());
        }
    }

    @Test
    void downloadsAndVerifiesFile() throws IOException {
        var file = new PrimaryDatasetDownload.RemoteFile("data/power.csv", "power.csv",
                PrimaryDatasetDownload.gitBlobSha1(CONTENT));
        List<Path> written = PrimaryDatasetDownload.download(base(), dir, List.of(file), Duration.ofSeconds(5));
        assertArrayEquals(CONTENT, Files.readAllBytes(written.get(0)));
        PrimaryDatasetDownload.download(base(), dir, List.of(file), Duration.ofSeconds(5));
        assertEquals(1, requests.get(), "a verified file is not fetched again");
    }

    @Test
    void rejectsFileWithWrongChecksum() {
        var file = new PrimaryDatasetDownload.RemoteFile("data/power.csv", "power.csv",
                "0000000000000000000000000000000000000000");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PrimaryDatasetDownload.download(base(), dir, List.of(file), Duration.ofSeconds(5)));
        assertTrue(error.getMessage().contains("checksum mismatch"), error.getMessage());
        assertFalse(Files.exists(dir.resolve(PrimaryDatasetDownload.FOLDER).resolve("power.csv")));
    }

    @Test
    void rejectsMissingFile() {
        var file = new PrimaryDatasetDownload.RemoteFile("data/absent.csv", "absent.csv", "00");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PrimaryDatasetDownload.download(base(), dir, List.of(file), Duration.ofSeconds(5)));
        assertTrue(error.getMessage().contains("HTTP 404"), error.getMessage());
    }
}
