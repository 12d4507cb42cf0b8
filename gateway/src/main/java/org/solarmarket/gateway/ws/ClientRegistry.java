package org.solarmarket.gateway.ws;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;

/**
 * The connected WebSocket clients, and delivery to all of them or to one wallet's. A closed or
 * failing client never stops delivery to the others: each send is queued per client, and errors
 * are collected rather than thrown.
 */
@ApplicationScoped
public class ClientRegistry {

    private static final Logger LOG = Logger.getLogger(ClientRegistry.class);

    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();

    void add(ClientSession session) {
        sessions.put(session.id(), session);
    }

    void remove(ClientSession session) {
        sessions.remove(session.id());
    }

    ClientSession session(String id) {
        return sessions.get(id);
    }

    Collection<ClientSession> sessions() {
        return sessions.values();
    }

    public int size() {
        return sessions.size();
    }

    /** Sends an event to every open client. */
    public BroadcastResult broadcast(String event, Object data) {
        String message = envelope(event, data);
        return deliverToAll(session -> session.sendEvent(message));
    }

    /** Sends a state message to every open client, replacing what a slow client still has queued under {@code key}. */
    public BroadcastResult broadcastState(String key, String event, Object data) {
        String message = envelope(event, data);
        return deliverToAll(session -> session.sendState(key, message));
    }

    /** Sends an event to the clients subscribed as {@code userId}; returns how many there were. */
    public int sendToUser(String userId, String event, Object data) {
        if (userId == null) {
            return 0;
        }
        String message = null;
        int count = 0;
        for (ClientSession session : sessions.values()) {
            if (userId.equals(session.userId()) && session.isOpen()) {
                if (message == null) {
                    message = envelope(event, data);
                }
                session.sendEvent(message);
                count++;
            }
        }
        return count;
    }

    /** Figures for {@code GET /stats}: clients, queued and dropped messages, failed writes. */
    public Map<String, Object> figures() {
        long queued = 0;
        long dropped = 0;
        long failures = 0;
        int subscribed = 0;
        for (ClientSession session : sessions.values()) {
            queued += session.outboxSize();
            dropped += session.droppedMessages();
            failures += session.writeFailures();
            subscribed += session.userId() == null ? 0 : 1;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("websocket_clients", sessions.size());
        figures.put("subscribed_clients", subscribed);
        figures.put("queued_messages", queued);
        figures.put("dropped_messages", dropped);
        figures.put("failed_writes", failures);
        return figures;
    }

    private BroadcastResult deliverToAll(java.util.function.Consumer<ClientSession> delivery) {
        int queued = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        for (ClientSession session : sessions.values()) {
            if (!session.isOpen()) {
                skipped++;
                continue;
            }
            try {
                delivery.accept(session);
                queued++;
            } catch (RuntimeException e) {
                failures.add(session.id() + ": " + e);
            }
        }
        if (!failures.isEmpty()) {
            LOG.warnf("Broadcast reached %d clients; %d failed: %s", queued, failures.size(), failures);
        }
        return new BroadcastResult(queued, skipped, failures);
    }

    static String envelope(String event, Object data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("event", event);
        message.put("data", data);
        return new String(Json.write(message), StandardCharsets.UTF_8);
    }
}
