package org.solarmarket.replay.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.contracts.Side;
import org.solarmarket.replay.api.GatewayClient;
import org.solarmarket.replay.api.GatewayException;

/**
 * A bounded load run against a gateway on loopback: pairs of wallets send crossing buy and sell
 * orders at a target rate, and one WebSocket connection per wallet, subscribed with its token,
 * times each order from its POST to the first fill event that names it.
 *
 * <p>Settings (environment): {@code LOAD_GATEWAY_URL} [http://127.0.0.1:8080],
 * {@code LOAD_OPERATOR_TOKEN_FILE} [data/gateway/operator-token], {@code LOAD_ORDERS} [2000, at
 * most 100000], {@code LOAD_RATE} [orders per second, 100], {@code LOAD_PAIRS} [10],
 * {@code LOAD_CONCURRENCY} [8 requests in flight].
 */
public final class LoadDriver {

    private static final int MAX_ORDERS = 100_000;

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String gatewayUrl = env.getOrDefault("LOAD_GATEWAY_URL", "http://127.0.0.1:8080");
        if (!URI.create(gatewayUrl).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1\\]")) {
            System.err.println("load-driver: LOAD_GATEWAY_URL must be a loopback address, got " + gatewayUrl);
            System.exit(2);
        }
        int orders = Math.min(MAX_ORDERS, Integer.parseInt(env.getOrDefault("LOAD_ORDERS", "2000")));
        int rate = Integer.parseInt(env.getOrDefault("LOAD_RATE", "100"));
        int pairs = Integer.parseInt(env.getOrDefault("LOAD_PAIRS", "10"));
        int concurrency = Integer.parseInt(env.getOrDefault("LOAD_CONCURRENCY", "8"));
        String operatorToken = Files.readString(Path.of(env.getOrDefault("LOAD_OPERATOR_TOKEN_FILE",
                "data/gateway/operator-token")), StandardCharsets.UTF_8).trim();
        GatewayClient gateway = new GatewayClient(gatewayUrl, operatorToken);

        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String[]> wallets = new ArrayList<>();
        for (int i = 0; i < pairs * 2; i++) {
            String userId = "load-" + run + "-" + i;
            String token = gateway.createWallet(userId);
            gateway.credit(userId, "credits", new BigDecimal("1000000.00"));
            gateway.credit(userId, "energy_kwh", new BigDecimal("1000000.000"));
            wallets.add(new String[] {userId, token});
        }

        // The gateway pushes fills only to a connection subscribed with the wallet's token, so
        // every wallet gets its own connection.
        LatencyRecorder latencies = new LatencyRecorder();
        HttpClient socketClient = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        for (String[] wallet : wallets) {
            WebSocket socket = socketClient.newWebSocketBuilder()
                    .buildAsync(URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/ws"), new FillListener(latencies))
                    .join();
            socket.sendText(new String(Json.write(Map.of("event", "subscribe", "data",
                    Map.of("user_id", wallet[0], "api_token", wallet[1]))), StandardCharsets.UTF_8), true).join();
            sockets.add(socket);
        }
        Thread.sleep(1000);

        String market = MarketCalendar.marketName(MarketCalendar.DEFAULT.nextOpenSlot(
                PlatformClock.fromEnvironment().instant()).plus(Duration.ofHours(1)));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / Math.max(1, rate);
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int pair = (i / 2) % pairs;
            String[] wallet = wallets.get(pair * 2 + i % 2);
            Side side = i % 2 == 0 ? Side.SELL : Side.BUY;
            inFlight.acquire();
            int sequence = i;
            pool.execute(() -> {
                try {
                    long sent = System.nanoTime();
                    String orderId = gateway.placeOrder(wallet[1], wallet[0], side, new BigDecimal("0.20"),
                            new BigDecimal("0.100"), market, "load-" + run + "-" + sequence);
                    latencies.sent(orderId, sent);
                    accepted.incrementAndGet();
                } catch (GatewayException e) {
                    failed.incrementAndGet();
                } finally {
                    inFlight.release();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.currentTimeMillis() + 30_000;
        while (latencies.filledCount() < accepted.get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "load run done");
        }
        double[] p = latencies.percentilesMillis();
        System.out.printf("orders sent %d, accepted %d, failed %d in %.1f s: %.1f accepted orders/s%n", orders,
                accepted.get(), failed.get(), seconds, accepted.get() / seconds);
        System.out.printf("orders with a fill event %d; order-to-fill latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencies.filledCount(), p[0], p[1], p[2]);
    }

    /** Records a fill for every order id named by a fill in any WebSocket event. */
    private static final class FillListener implements WebSocket.Listener {
        private final LatencyRecorder latencies;
        private final StringBuilder partial = new StringBuilder();

        FillListener(LatencyRecorder latencies) {
            this.latencies = latencies;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                try {
                    visit(Json.mapper().readTree(partial.toString()), now);
                } catch (java.io.IOException e) {
                    System.err.println("load-driver: skipped a WebSocket message that is not JSON");
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void visit(JsonNode node, long now) {
            if (node.isObject()) {
                if (node.has("buy_order_id") && node.has("sell_order_id")) {
                    latencies.filled(node.get("buy_order_id").asText(), now);
                    latencies.filled(node.get("sell_order_id").asText(), now);
                }
                node.elements().forEachRemaining(child -> visit(child, now));
            } else if (node.isArray()) {
                node.elements().forEachRemaining(child -> visit(child, now));
            }
        }
    }
}
