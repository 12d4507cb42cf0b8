package org.solarmarket.gateway.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Json;

class RejectedOrdersTest {

    private static JsonNode event(String orderId, String status, String quantity) throws Exception {
        return Json.mapper().readTree("""
                {"event_id":"e-1","command_id":"c-1","status":"%s","account_id":"alice","order_id":"%s",
                 "market":"2026-12-04T15:00:00Z","side":"sell","price":"0.3","quantity":"%s",
                 "reason_code":"insufficient_balance","message":"energy 0.000 kWh available","at":"2026-12-04T14:01:02Z"}
                """.formatted(status, orderId, quantity));
    }

    @Test
    void rejectionHasOrderViewShape() throws Exception {
        RejectedOrders orders = new RejectedOrders();
        orders.onOrderEvent(event("o-1", "rejected", "100"));

        JsonNode view = orders.find("o-1").orElseThrow();
        assertEquals(List.of("order_id", "account_id", "client_order_id", "market", "side", "order_type",
                "time_in_force", "price", "quantity", "filled", "remaining", "cancelled", "average_price", "status",
                "accepted_at", "reason_code", "message", "rejected_at"), List.copyOf(iterable(view)));
        assertEquals("rejected", view.path("status").asText());
        assertEquals("0.30", view.path("price").asText());
        assertEquals("100.000", view.path("quantity").asText());
        assertEquals("0.000", view.path("filled").asText());
        assertEquals("0.000", view.path("remaining").asText());
        assertEquals("insufficient_balance", view.path("reason_code").asText());
        assertEquals("2026-12-04T14:01:02Z", view.path("rejected_at").asText());
        assertTrue(view.path("client_order_id").isNull());
    }

    @Test
    void offTickAmountIsShownAsGiven() throws Exception {
        RejectedOrders orders = new RejectedOrders();
        orders.onOrderEvent(event("o-2", "rejected", "1.0005"));
        assertEquals("1.0005", orders.find("o-2").orElseThrow().path("quantity").asText());
    }

    @Test
    void otherEventsAreNotKept() throws Exception {
        RejectedOrders orders = new RejectedOrders();
        orders.onOrderEvent(event("o-3", "accepted", "1"));
        assertTrue(orders.find("o-3").isEmpty());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
