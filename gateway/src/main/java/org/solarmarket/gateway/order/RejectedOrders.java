package org.solarmarket.gateway.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest rejections of orders seen on the order-events topic. trading-service keeps no record
 * of an order it rejected, so {@code GET /order/{order_id}} answers from here when trading-service
 * does not know the order.
 *
 * <p>NOTE: the memory holds the newest {@value #CAPACITY} rejections this gateway instance read
 * since it started; a rejection from before its start still answers 404.
 */
@ApplicationScoped
public class RejectedOrders {

    static final int CAPACITY = 10_000;

    private final Map<String, JsonNode> rejections = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Remembers an order event when it rejects an order. */
    public synchronized void onOrderEvent(JsonNode event) {
        String orderId = event.path("order_id").asText("");
        if (!orderId.isEmpty() && "rejected".equals(event.path("status").asText())) {
            rejections.put(orderId, event);
        }
    }

    /** Returns the order's status as a rejected order, in the shape of trading-service's order view. */
    public synchronized Optional<JsonNode> find(String orderId) {
        JsonNode event = rejections.get(orderId);
        if (event == null) {
            return Optional.empty();
        }
        ObjectNode view = event.deepCopy();
        view.put("status", "rejected");
        if (!view.has("filled")) {
            view.put("filled", "0");
        }
        return Optional.of(view);
    }
}
