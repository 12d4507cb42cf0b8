package org.solarmarket.forecast.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Downloads the primary training set (PVDAQ system 50 power and its NSRDB PSM3 weather) from
 * the pvlib/pvanalytics repository at the commit it was taken from. Each file's git blob SHA-1
 * is checked, so a changed or truncated file is rejected instead of trained on.
 *
 * <p>Usage: {@code java -cp ... org.solarmarket.forecast.dataset.PrimaryDatasetDownload
 * [data-dir] [base-url]}; the default base URL is
 * {@code https://raw.githubusercontent.com/pvlib/pvanalytics/ccf7e13788a9e1a2c2dbe208830e17204458149d}.
 */
public final class PrimaryDatasetDownload {

    public static final String DEFAULT_BASE_URL =
            "https://raw.githubusercontent.com/pvlib/pvanalytics/ccf7e13788a9e1a2c2dbe208830e17204458149d";
    public static final String FOLDER = "nrel_pvdaq_system50_2011_2013";

    /** A file to fetch: its path under the base URL, the local name and the expected git blob SHA-1. */
    public record RemoteFile(String remotePath, String localName, String gitBlobSha1) {
    }

    public static final List<RemoteFile> FILES = List.of(
            new RemoteFile("pvanalytics/data/system_50_ac_power_2_full_DST.csv", "system_50_ac_power_2_full_DST.csv",
                    "b266816db7a8731665d0628996ca3e9f91cfbf9b"),
            new RemoteFile("pvanalytics/data/system_50_ac_power_2_full_DST_psm3.csv",
                    "system_50_ac_power_2_full_DST_psm3.csv", "4836d8b97377aec7c02be1694a1cc97dc955bbd2"));

    private PrimaryDatasetDownload() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
        URI base = URI.create(args.length > 1 ? args[1] : DEFAULT_BASE_URL);
        try {
            for (Path file : download(base, dataDir, FILES, Duration.ofMinutes(2))) {
                System.out.println("downloaded and verified " + file);
            }
        } catch (RuntimeException e) {
            System.err.println("download failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Fetches every file into {@code dataDir/FOLDER}; a file already present with the right hash is kept. */
    public static List<Path> download(URI base, Path dataDir, List<RemoteFile> files, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Path folder = dataDir.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
            List<Path> written = new java.util.ArrayList<>();
            for (RemoteFile file : files) {
                Path target = folder.resolve(file.localName());
                if (Files.isRegularFile(target) && gitBlobSha1(Files.readAllBytes(target)).equals(file.gitBlobSha1())) {
                    written.add(target);
                    continue;
                }
                URI uri = URI.create(base.toString().replaceAll("/$", "") + "/" + file.remotePath());
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + uri + " returned HTTP " + response.statusCode());
                }
                String actual = gitBlobSha1(response.body());
                if (!actual.equals(file.gitBlobSha1())) {
                    throw new IllegalStateException("checksum mismatch for " + uri + ": git blob SHA-1 " + actual
                            + ", expected " + file.gitBlobSha1() + "; the file was not saved");
                }
                Path partial = folder.resolve(file.localName() + ".partial");
                Files.write(partial, response.body());
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("failed to download into " + folder, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("download interrupted", e);
        }
    }

    /** Git's object id of a file's content: SHA-1 over {@code "blob <size>\0"} and the bytes. */
    public static String gitBlobSha1(byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
