package org.solarmarket.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.solarmarket.contracts.Json;

/** A WebSocket test client that records every message it receives, with the time of arrival. */
public final class WsClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One received message and {@link System#nanoTime()} at its arrival. */
    public record Received(JsonNode message, long atNanos) {
        public String event() {
            return message.path("event").asText();
        }

        public JsonNode data() {
            return message.path("data");
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    private WsClient(URI uri) {
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener()).join();
    }

    /** Connects to {@code /ws} of the gateway under test. */
    public static WsClient connect(int port) {
        return new WsClient(URI.create("ws://127.0.0.1:" + port + "/ws"));
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void send(String event, Object data) {
        send(new String(Json.write(java.util.Map.of("event", event, "data", data)),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    public List<Received> received() {
        return received;
    }

    public List<Received> events(String event) {
        List<Received> matching = new ArrayList<>();
        for (Received message : received) {
            if (message.event().equals(event)) {
                matching.add(message);
            }
        }
        return matching;
    }

    /** Waits for the first message of {@code event} whose data matches; fails after {@code timeout}. */
    public Received await(String event, Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received message : received) {
                if (message.event().equals(event) && match.test(message.data())) {
                    return message;
                }
            }
            sleep(10);
        }
        throw new AssertionError("no '" + event + "' event within " + timeout + "; received " + summary());
    }

    public Received await(String event) {
        return await(event, data -> true, Duration.ofSeconds(10));
    }

    public String summary() {
        List<String> events = new ArrayList<>();
        for (Received message : received) {
            events.add(message.event());
        }
        return events.toString();
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }

    /** Drops the TCP connection without a close handshake, like a client that vanished. */
    public void abort() {
        socket.abort();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(new Received(Json.mapper().readTree(partial.toString()), System.nanoTime()));
                } catch (IOException e) {
                    throw new AssertionError("the gateway sent a message that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
