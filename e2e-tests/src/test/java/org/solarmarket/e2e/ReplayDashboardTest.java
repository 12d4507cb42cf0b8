package org.solarmarket.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.PlatformClock;

/**
 * The platform as {@code bin/platform up} runs it: the four services on a replay clock with the
 * community market replay on measured data. Within a minute of the replay starting, the
 * dashboard in Debian's Chromium must show replayed trades and mined blocks; the test saves a
 * screenshot to {@code target/screenshots/replay-dashboard.png}.
 */
class ReplayDashboardTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static Platform platform;
    private static Process replay;
    private static Instant replayStarted;

    @BeforeAll
    static void startPlatformWithReplay() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium package is not installed");
        Path workDir = Platform.newWorkDir();
        ModelTrainer.trainSmallModels(workDir.resolve("models"), workDir.resolve("train.log"));
        Map<String, String> clock = Map.of(
                PlatformClock.START, "2012-06-20T09:00:00-06:00",
                PlatformClock.ORIGIN, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                PlatformClock.SPEED, "144");
        platform = Platform.start(workDir, clock);
        replay = startReplay(workDir, clock);
        replayStarted = Instant.now();
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException {
        if (replay != null) {
            replay.destroy();
            replay.waitFor(15, TimeUnit.SECONDS);
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void dashboardShowsReplayedTradesAndBlocks() throws Exception {
        GatewayApi api = new GatewayApi(platform.gatewayUrl(), platform.workDir().resolve("gateway"));
        Instant deadline = replayStarted.plus(Duration.ofSeconds(60));
        long trades = 0;
        long blocks = 0;
        while (Instant.now().isBefore(deadline) && (trades == 0 || blocks < 2)) {
            GatewayApi.Reply stats = api.get("/stats", null);
            trades = stats.body().path("trading").path("trades").asLong();
            blocks = stats.body().path("ledger").path("blocks").asLong();
            GatewayApi.sleep(1000);
        }
        assertTrue(replay.isAlive(), "the replay exited; see " + platform.workDir().resolve("market-replay.log"));
        assertTrue(trades > 0, "no replayed trade within 60 s of the replay start");
        assertTrue(blocks >= 2, "no block mined after the genesis block within 60 s: " + blocks);

        Files.createDirectories(SCREENSHOTS);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1800));
            page.navigate(platform.gatewayUrl() + "/");
            page.waitForFunction("() => [...document.querySelectorAll('#trades tbody tr')]"
                    + ".some(row => row.cells.length === 3)", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            page.waitForFunction("() => /valid/.test(document.querySelector('#chain-validation').textContent)",
                    null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            String market = page.inputValue("#market-select");
            assertTrue(market.startsWith("2012-06-2"), "the book follows the replayed market, not " + market);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("replay-dashboard.png"))
                    .setFullPage(true));
        }
    }

    private static Process startReplay(Path workDir, Map<String, String> clock) throws IOException {
        Path root = Path.of(System.getProperty("solarmarket.project.root", ".."));
        Path target = root.resolve("market-replay/target");
        String classpath = target.resolve("market-replay.jar") + File.pathSeparator + target.resolve("lib") + "/*";
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", classpath,
                "org.solarmarket.replay.ReplayMain"));
        builder.environment().putAll(clock);
        builder.environment().put("REPLAY_GATEWAY_URL", platform.gatewayUrl());
        builder.environment().put("REPLAY_OPERATOR_TOKEN_FILE", workDir.resolve("gateway/operator-token").toString());
        builder.environment().put("REPLAY_STATE_DIR", workDir.resolve("replay").toString());
        builder.environment().put("REPLAY_DAYS", "1");
        builder.environment().put("SOLARMARKET_SHARED_DATA_DIR",
                System.getProperty("solarmarket.data.dir", "../shared/data"));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("market-replay.log").toFile()));
        return builder.start();
    }
}
