package org.solarmarket.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.solarmarket.contracts.Json;

/** A WebSocket client of the gateway's {@code /ws} that queues every message it receives. */
final class EventSocket implements AutoCloseable {

    private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    EventSocket(String url) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new Collector())
                .join();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * Waits for the first message that matches, dropping the ones before it.
     *
     * @throws AssertionError when none arrives within the timeout
     */
    JsonNode await(Predicate<JsonNode> matcher, Duration timeout, String description) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                JsonNode message = messages.poll(Duration.between(Instant.now(), deadline).toMillis(),
                        TimeUnit.MILLISECONDS);
                if (message != null && matcher.test(message)) {
                    return message;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no WebSocket message " + description + " within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done");
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(Json.mapper().readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("gateway sent a message that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
