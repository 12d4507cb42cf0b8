package org.solarmarket.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;

/**
 * The live event stream at {@code /ws}. Every message is {@code {"event": ..., "data": ...}}.
 */
@WebSocket(path = "/ws")
public class MarketSocket {

    private static final Logger LOG = Logger.getLogger(MarketSocket.class);

    @Inject
    OpenConnections connections;

    @OnOpen
    public String onOpen(WebSocketConnection connection) {
        LOG.debugf("[ws %s] Connected", connection.id());
        return envelope("connect", Map.of("connection_id", connection.id()));
    }

    @OnTextMessage
    public String onMessage(String message, WebSocketConnection connection) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(message);
        } catch (IOException e) {
            return envelope("error", Map.of("message", "malformed JSON message"));
        }
        String event = json.path("event").asText("");
        if ("ping".equals(event)) {
            return envelope("pong", Map.of());
        }
        return envelope("error", Map.of("message", "unknown event '" + event + "'"));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        LOG.debugf("[ws %s] Disconnected", connection.id());
    }

    /** Sends an event to every open connection; a failed send is logged and never blocks the others. */
    public void broadcast(String event, Object data) {
        String message = envelope(event, data);
        for (WebSocketConnection connection : connections) {
            connection.sendText(message).subscribe().with(ignored -> {
            }, failure -> LOG.debugf("[ws %s] Send failed: %s", connection.id(), failure.toString()));
        }
    }

    static String envelope(String event, Object data) {
        return new String(Json.write(Map.of("event", event, "data", data)), java.nio.charset.StandardCharsets.UTF_8);
    }
}
