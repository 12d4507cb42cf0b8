package org.solarmarket.gateway.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.gateway.problem.ApiException;

/** Accepts orders and hands them to trading-service through the orders topic. */
@Path("/order")
public class OrderResource {

    private static final Logger LOG = Logger.getLogger(OrderResource.class);

    @Inject
    CommandPublisher publisher;

    private final MarketCalendar calendar = MarketCalendar.DEFAULT;
    private final Clock clock = Clock.systemUTC();

    /**
     * Validates an order and writes it to the orders topic. The outcome follows asynchronously as
     * an {@code order_update} event on the WebSocket.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response place(byte[] body) {
        JsonNode json = parseJson(body);
        Instant now = clock.instant();
        OrderRequest request = OrderRequest.parse(json, calendar, now);
        String orderId = UUID.randomUUID().toString();
        TradingCommand.PlaceOrder command = new TradingCommand.PlaceOrder(UUID.randomUUID().toString(),
                request.userId(), now, orderId, request.clientOrderId(), request.market(), request.side(),
                OrderType.LIMIT, request.price(), request.quantity(), request.timeInForce(), null);
        publisher.publish(command);
        LOG.debugf("[order %s] Accepted for %s in market %s", orderId, request.userId(), request.market());
        return Response.accepted(Map.of("order_id", orderId, "market", request.market(), "status", "pending"))
                .build();
    }

    static JsonNode parseJson(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.invalidField("body", null, "a JSON object is required");
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidField("body", null, "malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.invalidField("body", null, "unreadable body: " + e.getMessage());
        }
    }
}
