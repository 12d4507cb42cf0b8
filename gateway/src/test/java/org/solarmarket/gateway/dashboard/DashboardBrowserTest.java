package org.solarmarket.gateway.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.BookUpdate;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.Topics;
import org.solarmarket.gateway.stream.EventStreamConsumer;
import org.solarmarket.gateway.support.Api;
import org.solarmarket.gateway.support.Kafka;
import org.solarmarket.gateway.support.StubServices;

/**
 * Drives the dashboard in Debian's Chromium ({@code /usr/bin/chromium}, never a browser that
 * Playwright downloads): two wallets are created in the page, each places one of two crossing
 * orders, and the trade appears in the recent trades without a reload.
 *
 * <p>The orders go through the real gateway into the real {@code orders} topic, where this test
 * reads them. trading-service is not part of this module's tests, so the test then does the
 * matcher's part: it publishes the resulting {@link Fill} on {@code fills} and the emptied book on
 * {@code book-updates}, and the gateway carries both to the browser over its WebSocket. The
 * platform's end-to-end tests run the same path with the real trading-service.
 *
 * <p>The test is skipped where {@code /usr/bin/chromium} is missing; the CI script installs the
 * Debian packages {@code chromium} and {@code chromium-driver} so that it runs there.
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EventStreamConsumer stream;

    @BeforeAll
    static void launchBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium package is not installed");
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private String url() {
        return "http://127.0.0.1:" + base.getPort() + "/";
    }

    private static void createWallet(Page page, String userId) {
        page.fill("#wallet-user", userId);
        page.click("#create-wallet");
        assertThat(page.locator("#active-wallet")).hasValue(userId);
        assertThat(page.locator("#new-token-value")).not().isEmpty();
    }

    private static void placeOrder(Page page, String side, String price, String quantity, String market) {
        page.selectOption("#order-side", side);
        page.fill("#order-price", price);
        page.fill("#order-quantity", quantity);
        page.selectOption("#order-market", market);
        page.click("#place-order");
    }

    @Test
    void crossingOrdersShowTradeWithoutReload() throws Exception {
        for (int i = 0; i < 300 && !stream.isAssigned(); i++) {
            Thread.sleep(100);
        }
        StubServices.instance.reset();
        String seller = Api.newUserId("alice");
        String buyer = Api.newUserId("bob");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
            Page page = context.newPage();
            List<String> scriptErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onPageError(scriptErrors::add);
            page.navigate(url());
            assertThat(page.locator("#ws-status")).hasText("live");
            assertThat(page.locator("#forecast-note")).containsText("steps");
            // The user picks the market to watch, so the page stays on it when the open slots refresh.
            String market = Api.laterMarket();
            page.selectOption("#market-select", market);
            assertThat(page.locator("#market-select")).hasValue(market);

            createWallet(page, seller);
            placeOrder(page, "sell", "0.25", "2", market);
            assertThat(page.locator("#my-orders li").first()).containsText("sell");
            createWallet(page, buyer);
            placeOrder(page, "buy", "0.30", "2", market);
            assertThat(page.locator("#my-orders li").first()).containsText("buy");

            List<Kafka.Keyed> orders = Kafka.read(Topics.ORDERS, command -> "place_order".equals(command.path("type")
                    .asText()) && List.of(seller, buyer).contains(command.path("account_id").asText()), 2,
                    Duration.ofSeconds(15));
            assertEquals(2, orders.size(), "both orders reached the orders topic");
            JsonNode sell = orders.stream().map(Kafka.Keyed::value)
                    .filter(command -> seller.equals(command.path("account_id").asText())).findFirst().orElseThrow();
            JsonNode buy = orders.stream().map(Kafka.Keyed::value)
                    .filter(command -> buyer.equals(command.path("account_id").asText())).findFirst().orElseThrow();
            assertEquals(market, sell.path("market").asText());

            // The matcher's part: pay-as-offer trades at the ask price, and both orders are filled.
            String tradeId = "trade-" + sell.path("order_id").asText().substring(0, 8);
            Kafka.publish(Topics.FILLS, market, new Fill(tradeId, market, buyer, seller, buy.path("order_id").asText(),
                    sell.path("order_id").asText(), new BigDecimal("0.25"), new BigDecimal("2.000"), Instant.now(), 1));
            Kafka.publish(Topics.BOOK_UPDATES, market, new BookUpdate(market, 3, List.of(), List.of(),
                    new BigDecimal("0.25"), Instant.now()));

            Locator trade = page.locator("#trades tbody tr[data-trade='" + tradeId + "']");
            assertThat(trade).containsText("0.25", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
            assertThat(trade).containsText("2.000");
            assertThat(page.locator("#my-fills li").first()).containsText("bought 2.000 kWh @ 0.25");
            assertEquals(url(), page.url(), "no reload or navigation happened");

            // The other panels: a forecast requested over the socket, the chain with its transactions, statistics.
            page.fill("#forecast-hours", "6");
            page.click("#forecast-form button");
            assertThat(page.locator("#forecast-note")).containsText("24 steps");
            assertThat(page.locator("#chain-validation")).containsText("valid");
            assertThat(page.locator("#chain-validation")).containsText("in memory");
            page.click("#check-chain");
            assertThat(page.locator("#chain-validation")).containsText("2 checked (stored file)");
            page.locator("#blocks summary").first().click();
            assertThat(page.locator("#blocks details[open] table")).containsText("alice");
            assertThat(page.locator("#stats-grid")).containsText("chain valid");
            // The sticky header is drawn at the scroll position in a full-page capture.
            page.evaluate("() => window.scrollTo(0, 0)");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-desktop.png"))
                    .setFullPage(true));
            assertTrue(scriptErrors.isEmpty(), "no script errors in the page: " + scriptErrors);
        }
    }

    @Test
    void phoneLayoutFitsScreenAndInstalls() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2))) {
            Page page = context.newPage();
            List<String> scriptErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onPageError(scriptErrors::add);
            page.navigate(url());
            assertThat(page.locator("#ws-status")).hasText("live");
            Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, "no horizontal scrolling; page is " + overflow + " px too wide");
            BoundingBox wallet = page.locator("#wallet").boundingBox();
            BoundingBox trade = page.locator("#trade").boundingBox();
            assertEquals(wallet.x, trade.x, 1.0, "sections are stacked in one column");
            assertTrue(trade.y > wallet.y + wallet.height - 1, "the order form follows the wallet below it");
            assertTrue(wallet.width <= 390, "a card fits the screen width: " + wallet.width);
            for (String id : new String[] {"#order-price", "#place-order", "#create-wallet"}) {
                BoundingBox box = page.locator(id).boundingBox();
                assertTrue(box.height >= 36, id + " is large enough to tap: " + box.height + " px");
            }
            Object manifest = page.evaluate("() => fetch('/manifest.json').then(r => r.json()).then(m => m.display)");
            assertEquals("standalone", manifest);
            Object serviceWorker = page.evaluate("() => navigator.serviceWorker.ready.then(r => !!r.active)");
            assertEquals(Boolean.TRUE, serviceWorker, "the service worker is active");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-phone.png"))
                    .setFullPage(true));
            assertTrue(scriptErrors.isEmpty(), "no script errors in the page: " + scriptErrors);
        }
    }
}
