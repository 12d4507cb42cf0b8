package org.solarmarket.gateway.order;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.gateway.json.BodyReader;
import org.solarmarket.gateway.openapi.RequestSchemas;
import org.solarmarket.gateway.problem.ApiException;
import org.solarmarket.gateway.security.TokenVerifier;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;
import org.solarmarket.gateway.upstream.UpstreamReply;

/**
 * Places, reads and cancels orders. Placing and cancelling go to trading-service through the
 * orders topic and need the owning wallet's bearer token. Reading calls trading-service.
 */
@Path("/order")
@Tag(name = "Trading")
public class OrderResource {

    private static final Logger LOG = Logger.getLogger(OrderResource.class);
    static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Set<String> FINAL_STATES = Set.of("filled", "cancelled", "rejected", "expired");

    @Inject
    CommandPublisher publisher;

    @Inject
    RejectedOrders rejectedOrders;

    @Inject
    TokenVerifier tokens;

    @Inject
    BodyReader bodies;

    @Inject
    ServiceClient services;

    private final MarketCalendar calendar = MarketCalendar.DEFAULT;
    /** Platform time: the wall clock, or the replay clock when one is configured. */
    private final Clock clock = PlatformClock.fromEnvironment();

    /**
     * Validates an order and writes it to the orders topic. The outcome follows asynchronously as
     * an {@code order_update} event on the WebSocket and in {@code GET /order/{order_id}}.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a buy or sell order (needs the wallet's bearer token)")
    public Response place(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestSchemas.Order.class))) byte[] body) {
        String owner = tokens.authenticate(authorization);
        JsonNode json = bodies.readObject(body);
        Instant now = clock.instant();
        OrderRequest request = OrderRequest.parse(json, calendar, now);
        if (!owner.equals(request.userId())) {
            throw ApiException.forbidden("the bearer token belongs to another wallet than user_id '"
                    + request.userId() + "'", "user_id", request.userId());
        }
        String orderId = orderIdOf(request);
        String commandId = UUID.randomUUID().toString();
        TradingCommand.PlaceOrder command = new TradingCommand.PlaceOrder(commandId, request.userId(), now, orderId,
                request.clientOrderId(), request.market(), request.side(), OrderType.LIMIT, request.price(),
                request.quantity(), request.timeInForce(), null);
        publisher.publish(command);
        LOG.debugf("[order %s] Accepted for %s in market %s", orderId, request.userId(), request.market());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("order_id", orderId);
        answer.put("market", request.market());
        answer.put("status", "pending");
        answer.put("command_id", commandId);
        if (request.clientOrderId() != null) {
            answer.put("client_order_id", request.clientOrderId());
        }
        return Response.accepted(answer).build();
    }

    /**
     * Returns trading-service's view of one order: its state, filled and remaining quantity.
     *
     * <p>NOTE: this read needs no token. Order ids are random UUIDs, so only whoever placed the
     * order or saw its id can ask for it.
     */
    @GET
    @Path("/{order_id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Order status")
    public JsonNode status(@PathParam("order_id") String orderId) {
        requireOrderId(orderId);
        UpstreamReply reply = services.get(Service.TRADING, "/orders/" + orderId);
        if (reply.status() == 404) {
            // trading-service keeps no record of orders it rejected; the rejection event has it.
            Optional<JsonNode> rejected = rejectedOrders.find(orderId);
            if (rejected.isPresent()) {
                return rejected.get();
            }
        }
        return reply.requireSuccess();
    }

    /**
     * Asks trading-service to cancel the rest of an order. The gateway looks the order up to check
     * the owner and find its market; {@code ?market=} lets a client cancel an order that
     * trading-service has not processed yet, in which case trading-service checks the owner.
     */
    @DELETE
    @Path("/{order_id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an order (needs the owner's bearer token)")
    public Response cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("order_id") String orderId, @QueryParam("market") String marketParam) {
        String owner = tokens.authenticate(authorization);
        requireOrderId(orderId);
        String market = marketParam == null ? null : canonicalMarket(marketParam);
        UpstreamReply lookup = lookUp(orderId, market != null);
        if (lookup != null && lookup.isSuccess()) {
            JsonNode order = lookup.body();
            String account = order.hasNonNull("account_id") ? order.get("account_id").asText()
                    : order.path("user_id").asText(null);
            if (account != null && !account.equals(owner)) {
                throw ApiException.forbidden("order " + orderId + " belongs to another wallet", "order_id", orderId);
            }
            String state = order.path("status").asText("").toLowerCase(Locale.ROOT);
            if (FINAL_STATES.contains(state)) {
                throw new ApiException(409, "Conflict", "order " + orderId + " is already " + state
                        + " and cannot be cancelled", "order_id", orderId);
            }
            market = order.path("market").asText(market);
        } else if (market == null) {
            if (lookup != null) {
                lookup.requireSuccess();
            }
            throw ApiException.notFound("order " + orderId + " was not found: it does not exist, or trading-service"
                    + " removed it after its market's retention. If it was placed a moment ago, retry with ?market=",
                    "order_id", orderId);
        }
        String commandId = UUID.randomUUID().toString();
        publisher.publish(new TradingCommand.CancelOrder(commandId, owner, clock.instant(), orderId, market));
        LOG.debugf("[order %s] Cancel requested by %s in market %s", orderId, owner, market);
        return Response.accepted(Map.of("order_id", orderId, "market", market, "status", "cancel_requested",
                "command_id", commandId)).build();
    }

    /**
     * Returns a new order id, or for an order with a client order id, one derived from the wallet
     * and that id. A retry then gets the order id of the first attempt, which is the order that
     * trading-service keeps, so the client can follow it with {@code GET /order/{order_id}}.
     */
    static String orderIdOf(OrderRequest request) {
        if (request.clientOrderId() == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes(("order:" + request.userId() + ":" + request.clientOrderId())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Looks an order up; returns null when trading-service is unreachable and a market was given. */
    private UpstreamReply lookUp(String orderId, boolean marketGiven) {
        try {
            return services.get(Service.TRADING, "/orders/" + orderId);
        } catch (ApiException e) {
            if (marketGiven && e.status() >= 500) {
                LOG.warnf("[order %s] Could not look the order up (%s); cancelling with the given market",
                        orderId, e.getMessage());
                return null;
            }
            throw e;
        }
    }

    private String canonicalMarket(String market) {
        try {
            return MarketCalendar.marketName(calendar.parseMarket(market));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("market", market, e.getMessage());
        }
    }

    static void requireOrderId(String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw ApiException.invalidField("order_id", orderId, "use 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
    }
}
