package org.solarmarket.trading.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.solarmarket.trading.account.Account;
import org.solarmarket.trading.book.Order;
import org.solarmarket.trading.intake.EngineService;

/** Account balances and order status. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    EngineService engine;

    /** Available and reserved energy and credits, with the open orders. */
    @GET
    @Path("accounts/{account_id}")
    public Views.AccountBalances account(@PathParam("account_id") String accountId) {
        return engine.runner().read(state -> {
            Account account = state.account(accountId);
            if (account == null) {
                throw ApiException.notFound("account_id", accountId, "account");
            }
            return Views.account(account, state);
        });
    }

    /** Status, filled and remaining quantity of one order, while its market is within the retention. */
    @GET
    @Path("orders/{order_id}")
    public Views.OrderStatus order(@PathParam("order_id") String orderId) {
        return engine.runner().read(state -> {
            Order order = state.order(orderId);
            if (order == null) {
                // Dropped orders leave no trace, so a removed order and an unknown id look the same.
                throw new ApiException(404, "Not Found", "order " + orderId + " does not exist, or it was removed"
                        + " because its market closed more than " + state.config().closedMarketRetention() + " ago",
                        "order_id", orderId);
            }
            return Views.order(order);
        });
    }
}
