package org.solarmarket.gateway.ws;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounded queue of messages waiting for one client. State messages (the market update of one
 * market) have a key and replace their queued predecessor in place, so a slow client gets the
 * latest state instead of a backlog. Other events queue in order. When the queue is full the
 * oldest event is dropped, and the oldest state message only when no event is left.
 */
final class Outbox {

    private final int capacity;
    private final Map<Object, String> queued = new LinkedHashMap<>();
    private long nextEventKey;
    private long dropped;

    Outbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("outbox capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues an event, after everything queued before it. */
    synchronized void offerEvent(String message) {
        makeRoom();
        queued.put(nextEventKey++, message);
    }

    /** Queues a state message, replacing a queued one with the same key. */
    synchronized void offerState(String key, String message) {
        if (queued.containsKey(key)) {
            queued.put(key, message);
            return;
        }
        makeRoom();
        queued.put(key, message);
    }

    /** Takes the oldest queued message, or null when the queue is empty. */
    synchronized String poll() {
        Iterator<Map.Entry<Object, String>> first = queued.entrySet().iterator();
        if (!first.hasNext()) {
            return null;
        }
        String message = first.next().getValue();
        first.remove();
        return message;
    }

    synchronized int size() {
        return queued.size();
    }

    synchronized long dropped() {
        return dropped;
    }

    private void makeRoom() {
        if (queued.size() < capacity) {
            return;
        }
        Iterator<Object> keys = queued.keySet().iterator();
        Object victim = null;
        while (keys.hasNext()) {
            Object key = keys.next();
            if (key instanceof Long) {
                victim = key;
                break;
            }
        }
        queued.remove(victim != null ? victim : queued.keySet().iterator().next());
        dropped++;
    }
}
