package org.solarmarket.gateway.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.OrderRules;

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

    /**
     * Returns the order's status as a rejected order, in the shape of trading-service's order view:
     * the same fields, nothing filled or resting, plus {@code reason_code}, {@code message} and
     * {@code rejected_at}. Fields the rejection event does not carry are null.
     */
    public synchronized Optional<JsonNode> find(String orderId) {
        JsonNode event = rejections.get(orderId);
        if (event == null) {
            return Optional.empty();
        }
        ObjectNode view = Json.mapper().createObjectNode();
        // ObjectNode.set stores a missing field as an explicit null, so every rejected order has the same keys.
        view.set("order_id", event.path("order_id"));
        view.set("account_id", event.path("account_id"));
        view.set("client_order_id", event.get("client_order_id"));
        view.set("market", event.get("market"));
        view.set("side", event.get("side"));
        view.putNull("order_type");
        view.putNull("time_in_force");
        view.set("price", scaled(event.get("price"), OrderRules.PRICE_SCALE));
        view.set("quantity", scaled(event.get("quantity"), OrderRules.QUANTITY_SCALE));
        BigDecimal none = BigDecimal.ZERO.setScale(OrderRules.QUANTITY_SCALE);
        view.put("filled", none.toPlainString());
        view.put("remaining", none.toPlainString());
        view.put("cancelled", none.toPlainString());
        view.putNull("average_price");
        view.put("status", "rejected");
        view.putNull("accepted_at");
        view.set("reason_code", event.get("reason_code"));
        view.set("message", event.get("message"));
        view.set("rejected_at", event.get("at"));
        return Optional.of(view);
    }

    /** Writes an amount at its exchange scale, for example 100 as 100.000 kWh; other values stay as they are. */
    private static JsonNode scaled(JsonNode amount, int scale) {
        if (amount == null || amount.isNull()) {
            return NullNode.getInstance();
        }
        try {
            BigDecimal value = new BigDecimal(amount.asText());
            if (OrderRules.onTick(value, scale)) {
                return TextNode.valueOf(value.setScale(scale).toPlainString());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // The rejection may concern this very value; it is shown as the command gave it.
        }
        return amount;
    }
}
